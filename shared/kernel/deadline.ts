import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context } from 'aws-lambda';
import { DependencyUnavailableError } from '#shared/kernel/errors';

/**
 * Kept back from the function's timeout: after its dependencies give up, an invocation still has to answer (the
 * 503 and its log line) before Lambda kills it.
 */
export const answerReserveMs = 500;

/**
 * What middy answers if the handler is still running this close to the timeout: a 503 rather than Lambda's own
 * timeout (a generic 500 behind API Gateway, an unexplained failure for a consumer). The SDK gives up before this
 * (answerReserveMs); this catches whatever else is slow.
 */
export const earlyTimeout = {
  timeoutEarlyInMillis: 250,
  timeoutEarlyResponse: () => {
    throw new DependencyUnavailableError('unavailable');
  },
};

/**
 * Per invocation, not per module: the local runtime runs many invocations in one process at once (as Lambda's
 * multi-concurrency runtimes do), and the SDK clients they share must read the deadline of the call they serve.
 */
const deadlines = new AsyncLocalStorage<{ giveUpAt: number }>();

type Handler<E, R> = (event: E, context: Context) => Promise<R>;

/** Runs the handler with its invocation's deadline: the function's timeout less the answer reserve. */
export function withinDeadline<E, R>(handler: Handler<E, R>): Handler<E, R> {
  return (event, context) => {
    if (typeof context?.getRemainingTimeInMillis !== 'function') return handler(event, context);
    const giveUpAt = Date.now() + context.getRemainingTimeInMillis() - answerReserveMs;
    return deadlines.run({ giveUpAt }, () => handler(event, context));
  };
}

/** Milliseconds until this invocation's dependencies must have answered; undefined outside an invocation (a script, a test). */
export function timeLeft(): number | undefined {
  const deadline = deadlines.getStore();
  return deadline && Math.max(0, deadline.giveUpAt - Date.now());
}

/** Whether something that takes this long still fits before the deadline (always, outside an invocation). */
export const fitsBeforeDeadline = (ms: number): boolean => (timeLeft() ?? Infinity) >= ms;

/** For a call no SDK client makes (a presigned fetch): aborted when the invocation's dependencies must have answered. */
export function deadlineSignal(): AbortSignal | undefined {
  const left = timeLeft();
  return left === undefined ? undefined : AbortSignal.timeout(left);
}
