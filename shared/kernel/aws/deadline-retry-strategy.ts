import { StandardRetryStrategy } from '@smithy/core/retry';
import type { RetryErrorInfo, RetryStrategyV2, StandardRetryBackoffStrategy, StandardRetryToken } from '@smithy/types';
import { timeLeft as invocationTimeLeft } from '#shared/kernel/deadline';

/** The longest wait before a retry, so that whether a retry fits before the deadline is known before it is granted. */
export const maxBackoffMs = 200;

/** Full jitter over a growing base (50 ms, or 1 s after throttling, as the SDK sets it), capped at maxBackoffMs. */
function cappedBackoff(): StandardRetryBackoffStrategy {
  let base = 50;
  return {
    setDelayBase: (delay) => void (base = delay),
    computeNextBackoffDelay: (attempt) => Math.floor(Math.random() * Math.min(base * 2 ** attempt, maxBackoffMs)),
  };
}

/**
 * The SDK's standard retries (throttling and transient errors only, a retry quota shared by the client, at most
 * maxAttempts), refusing any retry that would not finish before the invocation's deadline: the wait plus an attempt
 * of at least minimumAttemptMs must still fit. Refused, the SDK throws the last error at once.
 */
export class DeadlineRetryStrategy implements RetryStrategyV2 {
  private readonly standard: StandardRetryStrategy;

  constructor(
    private readonly options: { maxAttempts: number; minimumAttemptMs: number },
    private readonly timeLeft: () => number | undefined = invocationTimeLeft,
  ) {
    this.standard = new StandardRetryStrategy({ maxAttempts: options.maxAttempts, backoff: cappedBackoff() });
  }

  acquireInitialRetryToken(scope: string) {
    return this.standard.acquireInitialRetryToken(scope);
  }

  async refreshRetryTokenForRetry(token: StandardRetryToken, errorInfo: RetryErrorInfo) {
    const left = this.timeLeft();
    if (left !== undefined && left < maxBackoffMs + this.options.minimumAttemptMs)
      throw new Error(`No retry: ${left} ms are left before the invocation’s deadline`);
    return this.standard.refreshRetryTokenForRetry(token, errorInfo);
  }

  recordSuccess(token: StandardRetryToken) {
    this.standard.recordSuccess(token);
  }
}
