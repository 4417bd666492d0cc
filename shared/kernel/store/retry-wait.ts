import { clientLimits } from '#shared/kernel/aws/client-config';
import { fitsBeforeDeadline } from '#shared/kernel/deadline';
import { DependencyUnavailableError } from '#shared/kernel/errors';

/**
 * Waits before asking DynamoDB again what it could not do for contention (keys handed back unread, lost races), or
 * gives up as `busy` (503 with Retry-After) when the wait and one more attempt would not fit before the deadline.
 */
export async function waitToRetry(waitMs: number, cause?: unknown): Promise<void> {
  if (!fitsBeforeDeadline(waitMs + clientLimits.minimumAttemptMs))
    throw new DependencyUnavailableError('busy', cause === undefined ? undefined : { cause });
  await new Promise((resolve) => setTimeout(resolve, waitMs));
}
