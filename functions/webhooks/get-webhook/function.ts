import { defineFunction } from '#shared/kernel/declaration';
import { WebhookParamsSchema, WebhookSchema } from '#shared/webhooks/schemas';

export default defineFunction({
  name: 'get-webhook',
  context: 'webhooks',
  description: 'Reads a partner webhook, without its secret',
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/webhooks/{id}',
      auth: 'jwt',
      roles: ['admin'],
      summary: 'A partner webhook',
      params: WebhookParamsSchema,
      refusals: [403],
      response: { status: 200, schema: WebhookSchema },
    },
  },
  grants: { table: ['read'] },
});
