import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { FunctionDeclaration, Trigger } from '#shared/kernel/declaration';
import type { LambdaInvoker } from '#infra/local/lambda/invoker';
import { errorText } from '#infra/local/log-text';
import { sleep } from '#infra/local/net';
import type { LocalQueue, Message } from './queues.ts';

export type QueueDeclaration = FunctionDeclaration<Extract<Trigger, { kind: 'queue' }>>;

export interface EventSourceMapping {
  /** batches being handled now */
  inFlight(): number;
  /** Waits a little for batches in flight; any of their messages that fail are dead-lettered. */
  stop(): Promise<void>;
}

/**
 * Lambda polls a queue with several pollers at once and invokes a function for each batch; locally at most this
 * many batches of one queue run side by side, so a batch held up by a slow partner never holds up the next.
 */
const maxConcurrentBatches = 10;

/**
 * Lambda's SQS event source mapping: it receives batches of visible messages, invokes the consumer with an SQSEvent,
 * deletes what succeeded and hands back the items of batchItemFailures (or the whole batch, when the function
 * throws) to the queue, which retries or dead-letters them.
 */
export function startEventSourceMapping(options: {
  queue: LocalQueue;
  consumer: QueueDeclaration;
  invoker: LambdaInvoker;
  region: string;
  accountId: string;
}): EventSourceMapping {
  const { queue, consumer, invoker } = options;
  const running = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function pump(): void {
    if (stopped) return;
    while (running.size < maxConcurrentBatches) {
      const batch = queue.receive(consumer.trigger.batchSize);
      if (batch.length === 0) break;
      const invocation = invoke(batch).finally(() => {
        running.delete(invocation);
        pump();
      });
      running.add(invocation);
    }
    clearTimeout(timer);
    const next = queue.nextVisibleAt();
    if (Number.isFinite(next)) timer = setTimeout(pump, Math.max(0, next - Date.now()));
  }

  async function invoke(batch: Message[]): Promise<void> {
    let failed: Set<string>;
    let error = '';
    try {
      const event: SQSEvent = { Records: batch.map(toRecord) };
      failed = failuresOf(batch, (await invoker.invoke(consumer, event)) as SQSBatchResponse | undefined);
      if (failed.size > 0) error = `batchItemFailures reported ${failed.size} of ${batch.length} messages`;
    } catch (thrown) {
      failed = new Set(batch.map((message) => message.messageId));
      error = errorText(thrown);
    }
    const functionName = invoker.functionName(consumer);
    for (const message of batch) {
      if (failed.has(message.messageId)) queue.release(message, { functionName, error, final: stopped });
      else queue.delete(message);
    }
  }

  const toRecord = (message: Message): SQSRecord => ({
    messageId: message.messageId,
    receiptHandle: `${message.messageId}#${message.receiveCount}`,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentAt),
      SenderId: options.accountId,
      ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt),
    },
    messageAttributes: {},
    md5OfBody: message.md5,
    eventSource: 'aws:sqs',
    eventSourceARN: queue.arn,
    awsRegion: options.region,
  });

  queue.onSend(pump);
  return {
    inFlight: () => running.size,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.race([Promise.allSettled([...running]), sleep(2_000)]);
    },
  };
}

/**
 * The messages to retry, as Lambda reads an SQSBatchResponse: nothing reported → none; an identifier that is empty
 * or not in the batch fails the whole batch.
 */
function failuresOf(batch: Message[], result: SQSBatchResponse | undefined): Set<string> {
  const failures = result?.batchItemFailures ?? [];
  if (!Array.isArray(failures)) return new Set(batch.map((message) => message.messageId));
  const ids = new Set(batch.map((message) => message.messageId));
  const failed = new Set<string>();
  for (const failure of failures) {
    if (!failure?.itemIdentifier || !ids.has(failure.itemIdentifier)) return ids;
    failed.add(failure.itemIdentifier);
  }
  return failed;
}
