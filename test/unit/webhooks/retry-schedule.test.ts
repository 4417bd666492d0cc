import { describe, expect, it } from 'vitest';
import { maxAutomaticAttempts, parseRetryAfter, parseRetryScale, waitAfterFailedAttempt } from '#shared/webhooks/retry-schedule';

const seconds = (n: number) => n * 1000;

describe('the retry schedule', () => {
  it('waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h after the first nine failed attempts', () => {
    // Act
    const waits = Array.from({ length: 9 }, (_, index) => waitAfterFailedAttempt(index + 1, { scale: 1 }));

    // Assert
    expect(waits).toEqual([5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400].map(seconds));
  });

  it('gives up after the tenth attempt, and after any later (manual) one', () => {
    expect(maxAutomaticAttempts).toBe(10);
    expect(waitAfterFailedAttempt(10, { scale: 1 })).toBeUndefined();
    expect(waitAfterFailedAttempt(11, { scale: 1 })).toBeUndefined();
  });

  it('multiplies every wait by the scale', () => {
    expect(waitAfterFailedAttempt(1, { scale: 0.001 })).toBe(5);
    expect(waitAfterFailedAttempt(9, { scale: 0.001 })).toBe(86_400);
  });

  it('waits as long as Retry-After asks when that is longer, scaled too, and never past 24 h', () => {
    expect(waitAfterFailedAttempt(1, { scale: 1, retryAfterSeconds: 60 })).toBe(seconds(60));
    expect(waitAfterFailedAttempt(2, { scale: 1, retryAfterSeconds: 60 })).toBe(seconds(300));
    expect(waitAfterFailedAttempt(1, { scale: 0.5, retryAfterSeconds: 60 })).toBe(seconds(30));
    expect(waitAfterFailedAttempt(1, { scale: 1, retryAfterSeconds: 10 * 86_400 })).toBe(seconds(86_400));
  });
});

describe('Retry-After', () => {
  const now = new Date('2026-11-28T05:36:47.000Z');

  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Sat, 28 Nov 2026 05:46:47 GMT', now)).toBe(600);
    expect(parseRetryAfter('Sat, 28 Nov 2026 05:00:00 GMT', now)).toBe(0);
  });

  it('ignores what is neither', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('WEBHOOK_RETRY_SCALE', () => {
  it('defaults to 1 and accepts fractions', () => {
    expect(parseRetryScale(undefined)).toBe(1);
    expect(parseRetryScale('')).toBe(1);
    expect(parseRetryScale('0.001')).toBe(0.001);
  });

  it('refuses what is not a non-negative number', () => {
    expect(() => parseRetryScale('fast')).toThrow(/WEBHOOK_RETRY_SCALE/);
    expect(() => parseRetryScale('-1')).toThrow(/WEBHOOK_RETRY_SCALE/);
  });
});
