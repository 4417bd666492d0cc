import { queueHandler } from '#shared/kernel/consumers/queue-handler';
import { logger } from '#shared/kernel/observability/logger';
import { attemptDelivery } from '#shared/webhooks/delivery';
import { webhooksDeliveryDeps } from '#shared/webhooks/delivery-deps';
import declaration from './function.ts';

export const buildHandler = (deps = webhooksDeliveryDeps()) =>
  queueHandler(declaration, async (message, record) => {
    const outcome = await attemptDelivery(deps, message, record.messageId);
    const keys = { webhookId: message.webhookId, messageId: message.messageId, ...outcome };
    // A partner's error answer is theirs to fix and shows in the delivery log; no answer at all (a timeout, a refused
    // address, a dropped connection) may be ours, and is worth a warning.
    if (outcome.kind === 'attempted' && outcome.statusCode === null) logger.warn('Webhook attempt got no answer', keys);
    else logger.info('Webhook message handled', keys);
  });

export const handler = buildHandler();
