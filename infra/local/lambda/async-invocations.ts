import type { FunctionDeclaration } from '#shared/kernel/declaration';
import { errorText } from '#infra/local/log-text';
import { sleep } from '#infra/local/net';
import type { DeadLetter, DeadLetters } from './dead-letters.ts';
import type { LambdaInvoker } from './invoker.ts';

/**
 * Lambda retries an asynchronous invocation twice after the first attempt, a minute and two minutes later; locally
 * the waits are seconds, long enough that a consumer whose table stalls for ~10 s (each attempt giving up after ~3 s,
 * see shared/kernel/aws/client-config.ts) still does its work once the table answers again.
 */
const retryDelaysMs = [1_000, 4_000];

export interface AsyncInvocationCounts {
  delivered: number;
  pending: number;
  dead: number;
}

export interface AsyncInvocations {
  /** Returns at once, as the service that triggers the function answers its own caller first. */
  invoke(target: FunctionDeclaration, event: unknown): void;
  counts(): AsyncInvocationCounts;
  /** Waits a little for invocations in flight; any that fail from then on are dead-lettered without retry. */
  stop(): Promise<void>;
}

/**
 * Lambda's asynchronous invocation, as the event bus and the bucket's notifications use it: the function is
 * tried up to three times, then its event becomes a dead letter, as deployed it would reach the function's DLQ.
 */
export function createAsyncInvocations(options: {
  source: DeadLetter['source'];
  invoker: LambdaInvoker;
  deadLetters: DeadLetters;
}): AsyncInvocations {
  const counts: AsyncInvocationCounts = { delivered: 0, pending: 0, dead: 0 };
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  const attempt = async (target: FunctionDeclaration, event: unknown) => {
    // The triggering call has answered (or is answering) before the first attempt starts.
    await new Promise((resolve) => setImmediate(resolve));
    for (let attempts = 1; ; attempts++) {
      try {
        await options.invoker.invoke(target, event);
        counts.delivered++;
        return;
      } catch (error) {
        const delay = retryDelaysMs[attempts - 1];
        if (delay === undefined || stopping) {
          counts.dead++;
          options.deadLetters.record({
            source: options.source,
            functionName: options.invoker.functionName(target),
            attempts,
            error: errorText(error),
            payload: event,
          });
          return;
        }
        await sleep(delay);
      }
    }
  };

  return {
    invoke(target, event) {
      counts.pending++;
      const delivery = attempt(target, event).finally(() => {
        counts.pending--;
        inFlight.delete(delivery);
      });
      inFlight.add(delivery);
    },
    counts: () => ({ ...counts }),
    async stop() {
      stopping = true;
      await Promise.race([Promise.allSettled([...inFlight]), sleep(2_000)]);
    },
  };
}
