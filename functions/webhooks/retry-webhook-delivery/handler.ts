import { httpHandler } from '#shared/kernel/http/http-handler';
import { webhooksQueueDeps } from '#shared/webhooks/queue-deps';
import { retryDelivery } from '#shared/webhooks/webhooks';
import declaration from './function.ts';

export const buildHandler = (deps = webhooksQueueDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params }) => retryDelivery(deps, caller, params.id, params.messageId));

export const handler = buildHandler();
