import { isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry';
import { DependencyUnavailableError } from '#shared/kernel/errors';

type SdkError = Parameters<typeof isThrottlingError>[0];

/** A cancelled transaction's reasons when DynamoDB throttled it (lost races are retried, then reported, by transactWrite). */
const contentionReasons = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded']);

function cancelledByContention(error: Error): boolean {
  if (error.name !== 'TransactionCanceledException' || !('CancellationReasons' in error)) return false;
  const codes = ((error.CancellationReasons ?? []) as ({ Code?: string } | undefined)[]).map((reason) => reason?.Code);
  return codes.some((code) => code !== undefined && contentionReasons.has(code)) && !codes.includes('ConditionalCheckFailed');
}

/** The SDK's own AbortError when the request handler cut a request at the invocation's deadline (its cause a TimeoutError). */
const abortedAtDeadline = (error: Error) =>
  error.name === 'AbortError' && error.cause instanceof Error && error.cause.name === 'TimeoutError';

/**
 * A dependency's failure as the typed error it means, or undefined for anything else (a bug, a refused condition):
 * throttling (ThrottlingException, ProvisionedThroughputExceededException, RequestLimitExceeded, HTTP 429, a
 * transaction cancelled by throttling) is `busy`; a timeout, an unreachable endpoint (ECONNREFUSED,
 * ECONNRESET, ENOTFOUND…) or a 5xx is `unavailable`. The SDK's own classification (the one its retries use)
 * decides, so the two never disagree; the AWS error stays only as the cause, for the log.
 */
export function asDependencyFault(error: unknown): DependencyUnavailableError | undefined {
  if (error instanceof DependencyUnavailableError) return error;
  if (!(error instanceof Error)) return undefined;
  const sdkError = error as SdkError;
  if (isThrottlingError(sdkError) || cancelledByContention(error)) return new DependencyUnavailableError('busy', { cause: error });
  if (isTransientError(sdkError) || isServerError(sdkError) || abortedAtDeadline(error))
    return new DependencyUnavailableError('unavailable', { cause: error });
  return undefined;
}
