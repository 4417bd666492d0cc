import { SQSClient } from '@aws-sdk/client-sqs';
import { EnvName, readEnv } from '#shared/kernel/env';
import { buildHttpSender } from './http-sender.ts';
import { parseRetryScale } from './retry-schedule.ts';
import { buildSqsDeliveryQueue } from './sqs-delivery-queue.ts';
import type { DeliveryQueue } from './ports.ts';
import { endpointPolicyFor } from './url-policy.ts';

/** The webhook-deliveries queue; only functions granted sendTo it have its URL. */
export function deliveryQueue(): DeliveryQueue {
  return buildSqsDeliveryQueue(new SQSClient({}), readEnv(EnvName.webhookDeliveriesQueueUrl));
}

/** What an attempt needs beyond the stores: the filtering HTTP sender and the retry scale. */
export function senderDeps() {
  return {
    sender: buildHttpSender(endpointPolicyFor(readEnv(EnvName.stage))),
    retryScale: parseRetryScale(process.env[EnvName.webhookRetryScale]),
  };
}
