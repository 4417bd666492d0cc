import { SQSClient } from '@aws-sdk/client-sqs';
import { awsClientConfig } from '#shared/kernel/aws/client-config';
import { EnvName, readEnv } from '#shared/kernel/env';
import { webhooksDeps } from './deps.ts';
import { buildSqsDeliveryQueue } from './sqs-delivery-queue.ts';

/**
 * Apart from deps.ts so that only the functions that queue attempts carry the SQS client. With the webhook-deliveries
 * queue (only functions granted sendTo it have its URL): fan-out and a manual retry.
 */
export function webhooksQueueDeps() {
  return { ...webhooksDeps(), queue: buildSqsDeliveryQueue(new SQSClient(awsClientConfig()), readEnv(EnvName.webhookDeliveriesQueueUrl)) };
}
