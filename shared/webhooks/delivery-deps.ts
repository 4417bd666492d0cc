import { EnvName, readEnv } from '#shared/kernel/env';
import { buildHttpSender } from './http-sender.ts';
import { webhooksQueueDeps } from './queue-deps.ts';
import { parseRetryScale } from './retry-schedule.ts';
import { endpointPolicyFor } from './url-policy.ts';

/**
 * An attempt also needs the filtering HTTP sender and the retry scale. Apart from queue-deps.ts so that only the
 * delivering function carries request-filtering-agent (and its ipaddr.js), not fan-out and manual retry.
 */
export function webhooksDeliveryDeps() {
  return {
    ...webhooksQueueDeps(),
    sender: buildHttpSender(endpointPolicyFor(readEnv(EnvName.stage))),
    retryScale: parseRetryScale(process.env[EnvName.webhookRetryScale]),
  };
}
