import { createHash, randomUUID } from 'node:crypto';
import { maxReceiveCount, type QueueName, queueNames } from '#shared/kernel/declaration';
import { AwsServiceError } from '#infra/local/aws-json';
import type { DeadLetters } from '#infra/local/lambda/dead-letters';

export interface Message {
  messageId: string;
  body: string;
  md5: string;
  sentAt: number;
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
}

export interface QueueCounts {
  /** messages waiting, delayed or in flight */
  queued: number;
  /** messages the consumer handled */
  delivered: number;
  /** messages moved to the dead-letter queue after maxReceiveCount failed receives */
  dead: number;
}

/** One work queue: what SQS keeps and decides, whoever sends to it or receives from it. */
export interface LocalQueue {
  readonly name: QueueName;
  /** pas-kreatif-local-<name> */
  readonly fullName: string;
  readonly arn: string;
  /** SendMessage: the body is checked as SQS checks it; DelaySeconds keeps it invisible that long. */
  send(body: unknown, delaySeconds: unknown): Message;
  /** Up to max visible messages, now invisible while in flight, their receive counts raised. */
  receive(max: number): Message[];
  /** DeleteMessage after the consumer handled it. */
  delete(message: Message): void;
  /**
   * The consumer failed it: visible again soon, or, after maxReceiveCount receives (or when nothing will receive it
   * again), moved to the dead letters.
   */
  release(message: Message, failure: { functionName: string; error: string; final: boolean }): void;
  /** when the next message becomes visible; Infinity when none will */
  nextVisibleAt(): number;
  onSend(listener: () => void): void;
  counts(): QueueCounts;
}

export class SqsError extends AwsServiceError {
  constructor(
    code: string,
    readonly queryError: string,
    message: string,
    status = 400,
  ) {
    // The SDK's awsQueryCompatible clients take the error's Code from x-amzn-query-error.
    super(`com.amazonaws.sqs#${code}`, message, status, { 'x-amzn-query-error': `${queryError};Sender` });
  }
}

/**
 * Deployed, a failed message reappears when its visibility timeout (six times the function's) runs out. Locally it
 * reappears after a second, so a test sees SQS's retries without waiting minutes; in flight, it stays invisible.
 */
const localRetryVisibilityMs = 1_000;
const maxDelaySeconds = 900;
export const maxMessageBytes = 256 * 1024;

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/** Every declared work queue, by name. */
export function createQueues(options: {
  region: string;
  accountId: string;
  namePrefix: string;
  deadLetters: DeadLetters;
}): ReadonlyMap<QueueName, LocalQueue> {
  return new Map(queueNames.map((name) => [name, createQueue(name, options)]));
}

function createQueue(
  name: QueueName,
  options: { region: string; accountId: string; namePrefix: string; deadLetters: DeadLetters },
): LocalQueue {
  const fullName = `${options.namePrefix}-${name}`;
  const messages: Message[] = [];
  const listeners: (() => void)[] = [];
  let delivered = 0;
  let dead = 0;
  const remove = (message: Message) => messages.splice(messages.indexOf(message), 1);

  return {
    name,
    fullName,
    arn: `arn:aws:sqs:${options.region}:${options.accountId}:${fullName}`,
    send(body, delaySeconds) {
      if (typeof body !== 'string' || body.length === 0)
        throw new SqsError('MissingParameter', 'MissingParameter', 'The request must contain the parameter MessageBody.');
      if (Buffer.byteLength(body) > maxMessageBytes)
        throw new SqsError('InvalidParameterValue', 'InvalidParameterValue', 'Message must be shorter than 262144 bytes.');
      const delay = delaySeconds ?? 0;
      if (typeof delay !== 'number' || !Number.isInteger(delay) || delay < 0 || delay > maxDelaySeconds)
        throw new SqsError(
          'InvalidParameterValue',
          'InvalidParameterValue',
          `DelaySeconds must be an integer from 0 to ${maxDelaySeconds}.`,
        );
      const now = Date.now();
      const message: Message = {
        messageId: randomUUID(),
        body,
        md5: md5(body),
        sentAt: now,
        visibleAt: now + delay * 1000,
        receiveCount: 0,
      };
      messages.push(message);
      // Like SendMessage's answer, the poll comes after: the sender is never inside the consumer.
      setImmediate(() => listeners.forEach((listener) => listener()));
      return message;
    },
    receive(max) {
      const now = Date.now();
      const batch = messages.filter((message) => message.visibleAt <= now).slice(0, max);
      for (const message of batch) {
        message.visibleAt = Number.POSITIVE_INFINITY;
        message.receiveCount++;
        message.firstReceivedAt ??= now;
      }
      return batch;
    },
    delete(message) {
      remove(message);
      delivered++;
    },
    release(message, { functionName, error, final }) {
      if (message.receiveCount < maxReceiveCount && !final) {
        message.visibleAt = Date.now() + localRetryVisibilityMs;
        return;
      }
      remove(message);
      dead++;
      options.deadLetters.record({
        source: 'sqs-queue',
        functionName,
        attempts: message.receiveCount,
        error,
        payload: { queue: fullName, messageId: message.messageId, body: message.body },
      });
    },
    nextVisibleAt: () => Math.min(...messages.map((message) => message.visibleAt)),
    onSend: (listener) => void listeners.push(listener),
    counts: () => ({ queued: messages.length, delivered, dead }),
  };
}
