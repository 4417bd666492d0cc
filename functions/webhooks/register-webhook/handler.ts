import { httpHandler } from '#shared/kernel/http/http-handler';
import { webhooksDeps } from '#shared/webhooks/deps';
import { registerWebhook } from '#shared/webhooks/webhooks';
import declaration from './function.ts';

export const buildHandler = (deps = webhooksDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, body }) => registerWebhook(deps, caller, body));

export const handler = buildHandler();
