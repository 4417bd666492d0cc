import type { LocalServiceOptions } from '#infra/local/service-options';
import { type BusActivity, type BusRule, createEventBus } from './bus.ts';
import { serveEventBridge } from './endpoint.ts';
import { createLambdaTargets, type EventDeclaration } from './lambda-targets.ts';

export interface BusStatus extends BusActivity {
  /** successful handler invocations (one per event and matching rule) */
  delivered: number;
  /** invocations scheduled, running or waiting for a retry */
  pending: number;
  /** deliveries given up after the last attempt (see /_local/dead-letters) */
  dead: number;
}

export interface LocalEventBus {
  endpoint: string;
  status(): BusStatus;
  stop(): Promise<void>;
}

/**
 * The local EventBridge: the platform's bus (bus.ts) behind its AWS JSON endpoint (endpoint.ts), with a rule per
 * event-triggered function (lambda-targets.ts) and the rules whose target is a work queue.
 */
export async function startLocalEventBus(
  options: LocalServiceOptions & {
    busName: string;
    declarations: readonly EventDeclaration[];
    /** rules whose target is a queue (declared as a queue trigger's feed): a matching event is sent to it as JSON */
    queueFeeds: readonly BusRule[];
  },
): Promise<LocalEventBus> {
  const lambdas = createLambdaTargets(options);
  const bus = createEventBus({ ...options, rules: [...lambdas.rules, ...options.queueFeeds] });
  const endpoint = await serveEventBridge({ bus, port: options.port, log: options.log });
  return {
    endpoint: endpoint.url,
    status: () => ({ ...bus.activity(), ...lambdas.counts() }),
    async stop() {
      await endpoint.stop();
      await lambdas.stop();
    },
  };
}
