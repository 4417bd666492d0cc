import { defineFunction } from '#shared/kernel/declaration';
import { CreatedWebhookSchema, CreateWebhookSchema } from '#shared/webhooks/schemas';

export default defineFunction({
  name: 'register-webhook',
  context: 'webhooks',
  description: "Registers a partner's endpoint for event types and shows its signing secret once",
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/webhooks',
      auth: 'jwt',
      roles: ['admin'],
      summary: 'Register a partner webhook (https, public host); the whsec_ secret is shown only in this answer',
      body: CreateWebhookSchema,
      refusals: [403],
      response: { status: 201, schema: CreatedWebhookSchema },
    },
  },
  grants: { table: ['write'] },
});
