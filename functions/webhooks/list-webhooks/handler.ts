import { httpHandler } from '#shared/kernel/http/http-handler';
import { webhooksDeps } from '#shared/webhooks/deps';
import { listWebhooks } from '#shared/webhooks/webhooks';
import declaration from './function.ts';

export const buildHandler = (deps = webhooksDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, query }) => listWebhooks(deps, caller, query));

export const handler = buildHandler();
