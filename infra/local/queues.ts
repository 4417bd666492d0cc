import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { type FunctionDeclaration, maxReceiveCount, type QueueName, queueNames, type Trigger } from '#shared/kernel/declaration';
import { type DeadLetters, errorText } from './dead-letters.ts';
import type { LambdaInvoker } from './lambda-invoker.ts';
import { closeServer, listen, readBody } from './net.ts';

export type QueueDeclaration = FunctionDeclaration<Extract<Trigger, { kind: 'queue' }>>;

export interface QueueStatus {
  /** messages waiting, delayed or in flight */
  queued: number;
  inFlight: number;
  /** messages the consumer handled */
  delivered: number;
  /** messages moved to the dead-letter queue after maxReceiveCount failed receives */
  dead: number;
}

export interface LocalQueues {
  endpoint: string;
  urlOf(name: QueueName): string;
  /** What an EventBridge rule with this queue as its target does: the event, as JSON, becomes a message. */
  send(name: QueueName, body: string, delaySeconds?: number): string;
  status(): Record<string, QueueStatus>;
  stop(): Promise<void>;
}

export interface LocalQueuesOptions {
  region: string;
  accountId: string;
  /** the prefix of every queue's name: pas-kreatif-local */
  namePrefix: string;
  declarations: readonly QueueDeclaration[];
  invoker: LambdaInvoker;
  deadLetters: DeadLetters;
  log: (line: string) => void;
  port: number;
}

/**
 * Lambda polls a queue with several pollers at once and invokes a function for each batch; locally at most this
 * many batches of one queue run side by side, so a batch held up by a slow partner never holds up the next.
 */
const maxConcurrentBatches = 10;
/**
 * Deployed, a failed message reappears when its visibility timeout (six times the function's) runs out. Locally it
 * reappears after a second, so a test sees SQS's retries without waiting minutes; in flight, it stays invisible.
 */
const localRetryVisibilityMs = 1_000;
const maxDelaySeconds = 900;
const maxMessageBytes = 256 * 1024;

interface Message {
  messageId: string;
  body: string;
  md5: string;
  sentAt: number;
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
}

class SqsError extends Error {
  constructor(
    readonly type: string,
    readonly queryError: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** SQS's URL shape, on the local endpoint: the runtime gives functions these before the queues start. */
export const localQueueUrl = (endpoint: string, accountId: string, namePrefix: string, name: QueueName) =>
  `${endpoint}/${accountId}/${namePrefix}-${name}`;

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/**
 * The local SQS: an AWS JSON 1.0 endpoint (SendMessage, SendMessageBatch, GetQueueUrl) that the real
 * @aws-sdk/client-sqs reaches through AWS_ENDPOINT_URL_SQS, and, for each queue trigger, what Lambda's event source
 * mapping does: it receives batches of visible messages (DelaySeconds honoured), invokes the consumer with an
 * SQSEvent, deletes what succeeded, lets the items of batchItemFailures (or the whole batch, when the function
 * throws) become visible again, and after maxReceiveCount receives moves a message to the dead letters.
 */
export async function startLocalQueues(options: LocalQueuesOptions): Promise<LocalQueues> {
  const url = (name: QueueName) => localQueueUrl(`http://127.0.0.1:${options.port}`, options.accountId, options.namePrefix, name);
  const queues = new Map(
    queueNames.map((name) => {
      const consumer = options.declarations.find((declaration) => declaration.trigger.queue === name);
      const state = {
        name,
        consumer,
        messages: [] as Message[],
        inFlight: 0,
        delivered: 0,
        dead: 0,
        timer: undefined as NodeJS.Timeout | undefined,
      };
      return [name, state] as const;
    }),
  );
  type Queue = NonNullable<ReturnType<typeof queues.get>>;
  const running = new Set<Promise<void>>();
  let stopped = false;

  const queueFromUrl = (queueUrl: unknown): Queue => {
    const name = typeof queueUrl === 'string' ? queueUrl.split('/').pop()?.replace(`${options.namePrefix}-`, '') : undefined;
    const queue = name === undefined ? undefined : queues.get(name as QueueName);
    if (!queue || typeof queueUrl !== 'string' || !queueUrl.endsWith(`/${options.namePrefix}-${queue.name}`))
      throw new SqsError(
        'com.amazonaws.sqs#QueueDoesNotExist',
        'AWS.SimpleQueueService.NonExistentQueue',
        'The specified queue does not exist.',
      );
    return queue;
  };

  function enqueue(queue: Queue, body: unknown, delaySeconds: unknown): Message {
    if (typeof body !== 'string' || body.length === 0)
      throw new SqsError('com.amazonaws.sqs#MissingParameter', 'MissingParameter', 'The request must contain the parameter MessageBody.');
    if (Buffer.byteLength(body) > maxMessageBytes)
      throw new SqsError('com.amazonaws.sqs#InvalidParameterValue', 'InvalidParameterValue', 'Message must be shorter than 262144 bytes.');
    const delay = delaySeconds ?? 0;
    if (typeof delay !== 'number' || !Number.isInteger(delay) || delay < 0 || delay > maxDelaySeconds)
      throw new SqsError(
        'com.amazonaws.sqs#InvalidParameterValue',
        'InvalidParameterValue',
        `DelaySeconds must be an integer from 0 to ${maxDelaySeconds}.`,
      );
    const now = Date.now();
    const message: Message = { messageId: randomUUID(), body, md5: md5(body), sentAt: now, visibleAt: now + delay * 1000, receiveCount: 0 };
    queue.messages.push(message);
    // Like SendMessage's answer, the poll comes after: the sender is never inside the consumer.
    setImmediate(() => pump(queue));
    return message;
  }

  function pump(queue: Queue): void {
    const { consumer } = queue;
    if (stopped || !consumer) return;
    while (queue.inFlight < maxConcurrentBatches) {
      const now = Date.now();
      const batch = queue.messages.filter((message) => message.visibleAt <= now).slice(0, consumer.trigger.batchSize);
      if (batch.length === 0) break;
      for (const message of batch) {
        message.visibleAt = Number.POSITIVE_INFINITY;
        message.receiveCount++;
        message.firstReceivedAt ??= now;
      }
      queue.inFlight++;
      const invocation = invoke(queue, consumer, batch).finally(() => {
        queue.inFlight--;
        running.delete(invocation);
        pump(queue);
      });
      running.add(invocation);
    }
    wakeAtNextVisible(queue);
  }

  function wakeAtNextVisible(queue: Queue): void {
    clearTimeout(queue.timer);
    const next = Math.min(...queue.messages.map((message) => message.visibleAt));
    if (!Number.isFinite(next) || stopped) return;
    queue.timer = setTimeout(() => pump(queue), Math.max(0, next - Date.now()));
  }

  async function invoke(queue: Queue, consumer: QueueDeclaration, batch: Message[]): Promise<void> {
    const arn = `arn:aws:sqs:${options.region}:${options.accountId}:${options.namePrefix}-${queue.name}`;
    const records: SQSRecord[] = batch.map((message) => ({
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
      eventSourceARN: arn,
      awsRegion: options.region,
    }));
    let failed: Set<string>;
    let error = '';
    try {
      const event: SQSEvent = { Records: records };
      failed = failuresOf(batch, (await options.invoker.invoke(consumer, event)) as SQSBatchResponse | undefined);
      if (failed.size > 0) error = `batchItemFailures reported ${failed.size} of ${batch.length} messages`;
    } catch (thrown) {
      failed = new Set(batch.map((message) => message.messageId));
      error = errorText(thrown);
    }
    const now = Date.now();
    for (const message of batch) {
      if (!failed.has(message.messageId)) {
        remove(queue, message);
        queue.delivered++;
      } else if (message.receiveCount >= maxReceiveCount || stopped) {
        remove(queue, message);
        queue.dead++;
        options.deadLetters.record({
          source: 'sqs-queue',
          functionName: options.invoker.functionName(consumer),
          attempts: message.receiveCount,
          error,
          payload: { queue: `${options.namePrefix}-${queue.name}`, messageId: message.messageId, body: message.body },
        });
      } else message.visibleAt = now + localRetryVisibilityMs;
    }
  }

  const remove = (queue: Queue, message: Message) => queue.messages.splice(queue.messages.indexOf(message), 1);

  function sendMessage(body: Record<string, unknown>) {
    const message = enqueue(queueFromUrl(body.QueueUrl), body.MessageBody, body.DelaySeconds);
    return { MessageId: message.messageId, MD5OfMessageBody: message.md5 };
  }

  function sendMessageBatch(body: Record<string, unknown>) {
    const queue = queueFromUrl(body.QueueUrl);
    const entries = body.Entries as { Id?: string; MessageBody?: unknown; DelaySeconds?: unknown }[] | undefined;
    if (!Array.isArray(entries) || entries.length < 1 || entries.length > 10)
      throw new SqsError(
        'com.amazonaws.sqs#TooManyEntriesInBatchRequest',
        'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
        'A batch holds 1 to 10 entries.',
      );
    const Successful: unknown[] = [];
    const Failed: unknown[] = [];
    for (const entry of entries) {
      try {
        const message = enqueue(queue, entry.MessageBody, entry.DelaySeconds);
        Successful.push({ Id: entry.Id, MessageId: message.messageId, MD5OfMessageBody: message.md5 });
      } catch (error) {
        Failed.push({
          Id: entry.Id,
          SenderFault: true,
          Code: error instanceof SqsError ? error.queryError : 'InternalError',
          Message: errorText(error),
        });
      }
    }
    return { Successful, Failed };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const payload = Buffer.from(JSON.stringify(body));
      response.writeHead(status, {
        'content-type': 'application/x-amz-json-1.0',
        'content-length': String(payload.length),
        'x-amzn-requestid': randomUUID(),
        ...headers,
      });
      response.end(payload);
    };
    try {
      const raw = await readBody(request, 2 * maxMessageBytes);
      if (request.method !== 'POST')
        throw new SqsError(
          'com.amazonaws.sqs#UnsupportedOperation',
          'AWS.SimpleQueueService.UnsupportedOperation',
          'Only POST is supported',
        );
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        throw new SqsError('com.amazonaws.sqs#InvalidRequest', 'InvalidRequest', 'The request body is not valid JSON');
      }
      const target = request.headers['x-amz-target'];
      if (target === 'AmazonSQS.SendMessage') return reply(200, sendMessage(body));
      if (target === 'AmazonSQS.SendMessageBatch') return reply(200, sendMessageBatch(body));
      if (target === 'AmazonSQS.GetQueueUrl') {
        const queue = queues.get(body.QueueName?.toString().replace(`${options.namePrefix}-`, '') as QueueName);
        if (!queue)
          throw new SqsError(
            'com.amazonaws.sqs#QueueDoesNotExist',
            'AWS.SimpleQueueService.NonExistentQueue',
            'The specified queue does not exist.',
          );
        return reply(200, { QueueUrl: url(queue.name) });
      }
      throw new SqsError(
        'com.amazonaws.sqs#UnsupportedOperation',
        'AWS.SimpleQueueService.UnsupportedOperation',
        `The local SQS supports SendMessage, SendMessageBatch and GetQueueUrl, not ${String(target ?? '(no X-Amz-Target)')}`,
      );
    } catch (error) {
      const sqs =
        error instanceof SqsError ? error : new SqsError('com.amazonaws.sqs#InternalError', 'InternalError', errorText(error), 500);
      if (!(error instanceof SqsError)) options.log(`local SQS: ${sqs.message}`);
      reply(sqs.status, { __type: sqs.type, message: sqs.message }, { 'x-amzn-query-error': `${sqs.queryError};Sender` });
    }
  }

  const server = createServer((request, response) => void handle(request, response));
  await listen(server, options.port, 'local SQS');

  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    urlOf: url,
    send(name, body, delaySeconds = 0) {
      const queue = queues.get(name);
      if (!queue) throw new Error(`No queue ${name}`);
      return enqueue(queue, body, delaySeconds).messageId;
    },
    status: () =>
      Object.fromEntries(
        [...queues.values()].map((queue) => [
          queue.name,
          { queued: queue.messages.length, inFlight: queue.inFlight, delivered: queue.delivered, dead: queue.dead },
        ]),
      ),
    async stop() {
      stopped = true;
      for (const queue of queues.values()) clearTimeout(queue.timer);
      await closeServer(server);
      await Promise.race([Promise.allSettled([...running]), new Promise((resolve) => setTimeout(resolve, 2_000))]);
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
