import { defineFunction } from '#shared/kernel/declaration';
import { WebhookParamsSchema } from '#shared/webhooks/schemas';

export default defineFunction({
  name: 'delete-webhook',
  context: 'webhooks',
  description: 'Deletes a partner webhook: no further deliveries are made to it',
  trigger: {
    kind: 'http',
    route: {
      method: 'DELETE',
      path: '/webhooks/{id}',
      auth: 'jwt',
      roles: ['admin'],
      summary: 'Delete a partner webhook (no body in the answer)',
      params: WebhookParamsSchema,
      refusals: [403],
      response: { status: 204 },
    },
  },
  grants: { table: ['read', 'write'] },
});
