import type { FunctionDeclaration, Trigger } from '#shared/kernel/declaration';
import { type AsyncInvocationCounts, createAsyncInvocations } from '#infra/local/lambda/async-invocations';
import type { DeadLetters } from '#infra/local/lambda/dead-letters';
import type { LambdaInvoker } from '#infra/local/lambda/invoker';
import type { BusRule } from './bus.ts';

export type EventDeclaration = FunctionDeclaration<Extract<Trigger, { kind: 'event' }>>;

export interface LambdaTargets {
  rules: BusRule[];
  counts(): AsyncInvocationCounts;
  stop(): Promise<void>;
}

/**
 * The rules of the event-triggered functions, each with its function as target: a matching event invokes it
 * asynchronously, with Lambda's retries and a dead letter after the last failure, as a rule → Lambda target does.
 */
export function createLambdaTargets(options: {
  declarations: readonly EventDeclaration[];
  invoker: LambdaInvoker;
  deadLetters: DeadLetters;
}): LambdaTargets {
  const invocations = createAsyncInvocations({ source: 'event-bus', invoker: options.invoker, deadLetters: options.deadLetters });
  return {
    rules: options.declarations.map((declaration) => ({
      pattern: declaration.trigger.pattern,
      target: options.invoker.functionName(declaration),
      deliver: (event) => invocations.invoke(declaration, event),
    })),
    counts: invocations.counts,
    stop: invocations.stop,
  };
}
