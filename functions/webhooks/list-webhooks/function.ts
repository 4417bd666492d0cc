import { defineFunction } from '#shared/kernel/declaration';
import { pageSchema } from '#shared/kernel/store/page-schemas';
import { ListWebhooksQuerySchema, WebhookSchema } from '#shared/webhooks/schemas';

export default defineFunction({
  name: 'list-webhooks',
  context: 'webhooks',
  description: 'Lists partner webhooks, newest first, without their secrets',
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/webhooks',
      auth: 'jwt',
      roles: ['admin'],
      summary: 'Partner webhooks, newest first',
      query: ListWebhooksQuerySchema,
      refusals: [403],
      response: { status: 200, schema: pageSchema(WebhookSchema) },
    },
  },
  grants: { table: ['read'], cursorKey: true },
});
