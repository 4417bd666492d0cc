import { describe, expect, it } from 'vitest';
import { createRouteThrottle } from '#infra/local/http-api/throttle';
import { stageThrottle } from '#infra/stage-throttle';

/** The stage's own numbers (rate 100/s, burst 200) on a clock the test moves by hand. */
function throttleAt(startMs = 5_000) {
  const clock = { ms: startMs };
  return { clock, throttle: createRouteThrottle(stageThrottle, () => clock.ms) };
}

const admitted = (admit: () => boolean, times: number) => Array.from({ length: times }, admit).filter(Boolean).length;

describe('the local stage throttle', () => {
  it('lets exactly the burst through at one instant and refuses the next', () => {
    const { throttle } = throttleAt();

    expect(admitted(() => throttle.admit('POST /orders'), 200)).toBe(200);
    expect(throttle.admit('POST /orders')).toBe(false);
  });

  it('refills at the rate: one request every 10 ms, never more than the burst after a pause', () => {
    const { clock, throttle } = throttleAt();
    admitted(() => throttle.admit('POST /orders'), 200);

    clock.ms += 9;
    expect(throttle.admit('POST /orders')).toBe(false);
    clock.ms += 1;
    expect(throttle.admit('POST /orders')).toBe(true);
    expect(throttle.admit('POST /orders')).toBe(false);
    clock.ms += 1_000;
    expect(admitted(() => throttle.admit('POST /orders'), 150)).toBe(100);
    clock.ms += 60_000;
    expect(admitted(() => throttle.admit('POST /orders'), 250)).toBe(200);
  });

  it('keeps one bucket per route key: a spent route leaves the others whole', () => {
    const { throttle } = throttleAt();
    admitted(() => throttle.admit('POST /orders'), 201);

    expect(admitted(() => throttle.admit('GET /orders'), 200)).toBe(200);
    expect(admitted(() => throttle.admit('GET /products/{productId}'), 200)).toBe(200);
    expect(throttle.admit('POST /orders')).toBe(false);
  });
});
