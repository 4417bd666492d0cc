import { httpHandler } from '#shared/kernel/http/http-handler';
import { webhooksDeps } from '#shared/webhooks/deps';
import { rotateWebhookSecret } from '#shared/webhooks/webhooks';
import declaration from './function.ts';

export const buildHandler = (deps = webhooksDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params }) => rotateWebhookSecret(deps, caller, params.id));

export const handler = buildHandler();
