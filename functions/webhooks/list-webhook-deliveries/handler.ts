import { httpHandler } from '#shared/kernel/http/http-handler';
import { webhooksDeps } from '#shared/webhooks/deps';
import { listDeliveries } from '#shared/webhooks/webhooks';
import declaration from './function.ts';

export const buildHandler = (deps = webhooksDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, query }) => listDeliveries(deps, caller, params.id, query));

export const handler = buildHandler();
