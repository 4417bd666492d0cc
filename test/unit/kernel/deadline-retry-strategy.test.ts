import type { RetryErrorInfo, StandardRetryToken } from '@smithy/types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeadlineRetryStrategy, maxBackoffMs } from '#shared/kernel/aws/deadline-retry-strategy';

const transient: RetryErrorInfo = { errorType: 'TRANSIENT' };
const options = { maxAttempts: 3, minimumAttemptMs: 250 };

/** A strategy whose invocation has `left` ms before its deadline (undefined: outside an invocation). */
const strategyWith = (left: number | undefined) => new DeadlineRetryStrategy(options, () => left);

// No real waiting: full jitter with a random 0 waits 0 ms.
afterEach(() => vi.restoreAllMocks());

describe('DeadlineRetryStrategy', () => {
  it('retries a transient error or throttling while the retry fits before the deadline', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const strategy = strategyWith(5_000);
    const first = await strategy.acquireInitialRetryToken('dynamodb');

    const retry = await strategy.refreshRetryTokenForRetry(first, transient);
    const throttled = await strategy.refreshRetryTokenForRetry(retry, { errorType: 'THROTTLING' });

    expect([retry.getRetryCount(), throttled.getRetryCount()]).toEqual([1, 2]);
  });

  it('refuses a retry whose wait and attempt would not fit before the deadline', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const near = strategyWith(maxBackoffMs + options.minimumAttemptMs - 1);
    const justEnough = strategyWith(maxBackoffMs + options.minimumAttemptMs);

    await expect(near.refreshRetryTokenForRetry(await near.acquireInitialRetryToken('s'), transient)).rejects.toThrow(/deadline/);
    await expect(justEnough.refreshRetryTokenForRetry(await justEnough.acquireInitialRetryToken('s'), transient)).resolves.toBeDefined();
  });

  it('still bounds retries by attempts and by kind outside an invocation', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const strategy = strategyWith(undefined);
    let token: StandardRetryToken = await strategy.acquireInitialRetryToken('s');

    token = await strategy.refreshRetryTokenForRetry(token, transient);
    token = await strategy.refreshRetryTokenForRetry(token, transient);

    await expect(strategy.refreshRetryTokenForRetry(token, transient)).rejects.toThrow();
    await expect(
      strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken('s'), { errorType: 'CLIENT_ERROR' }),
    ).rejects.toThrow();
  });

  it('waits at most maxBackoffMs before a retry, even after throttling', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
    vi.useFakeTimers();
    try {
      const strategy = strategyWith(undefined);
      let granted = false;
      const retry = strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken('s'), { errorType: 'THROTTLING' });
      void retry.then(() => (granted = true));

      await vi.advanceTimersByTimeAsync(maxBackoffMs);

      expect(granted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
