import type { QueueName } from '#shared/kernel/declaration';
import type { LocalServiceOptions } from '#infra/local/service-options';
import { serveSqs } from './endpoint.ts';
import { type EventSourceMapping, type QueueDeclaration, startEventSourceMapping } from './event-source-mapping.ts';
import { createQueues, type QueueCounts } from './queues.ts';

export interface QueueStatus extends QueueCounts {
  /** batches the consumer is handling */
  inFlight: number;
}

export interface LocalQueues {
  endpoint: string;
  /** What an EventBridge rule with this queue as its target does: the event, as JSON, becomes a message. */
  send(name: QueueName, body: string): string;
  status(): Record<string, QueueStatus>;
  stop(): Promise<void>;
}

/**
 * The local SQS: the work queues (queues.ts), their AWS JSON endpoint (endpoint.ts), and for each queue trigger the
 * event source mapping that feeds its consumer (event-source-mapping.ts).
 */
export async function startLocalQueues(
  options: LocalServiceOptions & {
    /** the prefix of every queue's name: pas-kreatif-local */
    namePrefix: string;
    declarations: readonly QueueDeclaration[];
  },
): Promise<LocalQueues> {
  const queues = createQueues(options);
  const mappings = new Map<QueueName, EventSourceMapping>();
  for (const consumer of options.declarations) {
    const queue = queues.get(consumer.trigger.queue);
    if (queue) mappings.set(queue.name, startEventSourceMapping({ ...options, queue, consumer }));
  }
  const endpoint = await serveSqs({ queues, accountId: options.accountId, port: options.port, log: options.log });

  return {
    endpoint: endpoint.url,
    send(name, body) {
      const queue = queues.get(name);
      if (!queue) throw new Error(`No queue ${name}`);
      return queue.send(body, 0).messageId;
    },
    status: () =>
      Object.fromEntries(
        [...queues.values()].map((queue) => [queue.name, { ...queue.counts(), inFlight: mappings.get(queue.name)?.inFlight() ?? 0 }]),
      ),
    async stop() {
      // The mappings stop polling at once; the endpoint and the batches in flight then get their moment.
      const stopping = Promise.all([...mappings.values()].map((mapping) => mapping.stop()));
      await endpoint.stop();
      await stopping;
    },
  };
}
