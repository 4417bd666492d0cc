import type { QueueName } from '#shared/kernel/declaration';
import { type AwsJsonEndpoint, serveAwsJson } from '#infra/local/aws-json';
import { errorText } from '#infra/local/log-text';
import { type LocalQueue, maxMessageBytes, SqsError } from './queues.ts';

/** SQS's URL shape, on the local endpoint: the runtime gives functions these before the queues start. */
export const localQueueUrl = (endpoint: string, accountId: string, namePrefix: string, name: QueueName) =>
  `${endpoint}/${accountId}/${namePrefix}-${name}`;

const noSuchQueue = () =>
  new SqsError('QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue', 'The specified queue does not exist.');

/**
 * The local SQS's wire: the AWS JSON 1.0 operations (SendMessage, SendMessageBatch, GetQueueUrl) that the real
 * @aws-sdk/client-sqs reaches through AWS_ENDPOINT_URL_SQS.
 */
export function serveSqs(options: {
  queues: ReadonlyMap<QueueName, LocalQueue>;
  accountId: string;
  port: number;
  log: (line: string) => void;
}): Promise<AwsJsonEndpoint> {
  const endpoint = `http://127.0.0.1:${options.port}`;
  const byFullName = new Map([...options.queues.values()].map((queue) => [queue.fullName, queue]));

  // Found by its last segment, the queue's name, whichever local host name the URL was given with.
  const queueAt = (queueUrl: unknown): LocalQueue => {
    const queue = typeof queueUrl === 'string' ? byFullName.get(queueUrl.split('/').pop() ?? '') : undefined;
    if (!queue) throw noSuchQueue();
    return queue;
  };

  return serveAwsJson({
    service: 'local SQS',
    version: '1.0',
    targetPrefix: 'AmazonSQS',
    maxRequestBytes: 2 * maxMessageBytes,
    port: options.port,
    log: options.log,
    errors: {
      unsupported: (message) => new SqsError('UnsupportedOperation', 'AWS.SimpleQueueService.UnsupportedOperation', message),
      malformed: () => new SqsError('InvalidRequest', 'InvalidRequest', 'The request body is not valid JSON'),
      internal: (message) => new SqsError('InternalError', 'InternalError', message, 500),
    },
    operations: {
      SendMessage(input) {
        const message = queueAt(input.QueueUrl).send(input.MessageBody, input.DelaySeconds);
        return { MessageId: message.messageId, MD5OfMessageBody: message.md5 };
      },
      SendMessageBatch(input) {
        const queue = queueAt(input.QueueUrl);
        const entries = input.Entries as { Id?: string; MessageBody?: unknown; DelaySeconds?: unknown }[] | undefined;
        if (!Array.isArray(entries) || entries.length < 1 || entries.length > 10)
          throw new SqsError(
            'TooManyEntriesInBatchRequest',
            'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
            'A batch holds 1 to 10 entries.',
          );
        const Successful: unknown[] = [];
        const Failed: unknown[] = [];
        for (const entry of entries) {
          try {
            const message = queue.send(entry.MessageBody, entry.DelaySeconds);
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
      },
      GetQueueUrl(input) {
        const queue = byFullName.get(String(input.QueueName));
        if (!queue) throw noSuchQueue();
        return { QueueUrl: `${endpoint}/${options.accountId}/${queue.fullName}` };
      },
    },
  });
}
