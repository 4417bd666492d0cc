import { httpHandler } from '#shared/kernel/http/http-handler';
import { webhookDeps } from '#shared/webhooks/deps';
import { deliveryQueue } from '#shared/webhooks/queue-deps';
import { retryDelivery } from '#shared/webhooks/webhooks';
import declaration from './function.ts';

export const buildHandler = (deps = { ...webhookDeps(), queue: deliveryQueue() }) =>
  httpHandler(declaration.trigger.route, ({ caller, params }) => retryDelivery(deps, caller, params.id, params.messageId));

export const handler = buildHandler();
