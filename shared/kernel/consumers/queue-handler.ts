import type { EventBridgeEvent, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { $ZodType, output } from 'zod/v4/core';
import type { EventContract } from '#events/event-contract';
import type { FunctionDeclaration, QueueTrigger } from '#shared/kernel/declaration';
import { logger } from '#shared/kernel/observability/logger';
import * as z from '#shared/kernel/validation';
import { consumer } from './consumer.ts';
import { type EventCase, eventDispatch } from './event-cases.ts';

type WorkQueueDeclaration<M extends $ZodType> = FunctionDeclaration<QueueTrigger<M> & { message: M }>;
type EventQueueDeclaration = FunctionDeclaration<QueueTrigger & { events: readonly EventContract[] }>;

/**
 * The consumer of a work queue. Each message is parsed by the declaration's contract: its `message` schema, or, for
 * a queue the bus feeds, the contract of the event it carries (one case per declared event, as for an event rule).
 * Every message of the batch is handled at once (one slow message does not hold up the others), and only the
 * messages that failed are reported (ReportBatchItemFailures), so SQS retries those alone and, after
 * maxReceiveCount, moves them to the dead-letter queue.
 */
export function queueHandler<M extends $ZodType>(
  declaration: WorkQueueDeclaration<M>,
  run: (message: output<M>, record: SQSRecord) => Promise<void>,
): ReturnType<typeof batchConsumer>;
export function queueHandler(declaration: EventQueueDeclaration, cases: readonly EventCase[]): ReturnType<typeof batchConsumer>;
export function queueHandler(
  declaration: WorkQueueDeclaration<$ZodType> | EventQueueDeclaration,
  handling: ((message: unknown, record: SQSRecord) => Promise<void>) | readonly EventCase[],
) {
  const { message, events } = declaration.trigger;
  if (typeof handling === 'function') {
    if (!message) throw new Error(`${declaration.name} declares no message schema for its queue`);
    return batchConsumer(async (record) => handling(z.parse(message, JSON.parse(record.body)), record));
  }
  const dispatch = eventDispatch(events ?? [], handling);
  return batchConsumer(async (record) => {
    const { entry, detail } = dispatch(JSON.parse(record.body) as EventBridgeEvent<string, unknown>);
    await entry.run(detail, { messageId: record.messageId });
  });
}

function batchConsumer(handle: (record: SQSRecord) => Promise<void>) {
  return consumer<SQSEvent, SQSBatchResponse>(async (event) => {
    const results = await Promise.allSettled(event.Records.map((record) => handle(record)));
    const batchItemFailures = results.flatMap((result, index) => {
      if (result.status === 'fulfilled') return [];
      const record = event.Records[index] as SQSRecord;
      logger.error('Queue message failed; SQS will retry it', { messageId: record.messageId, error: result.reason as Error });
      return [{ itemIdentifier: record.messageId }];
    });
    return { batchItemFailures };
  });
}
