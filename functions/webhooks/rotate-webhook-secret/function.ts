import { defineFunction } from '#shared/kernel/declaration';
import { RotatedSecretSchema, WebhookParamsSchema } from '#shared/webhooks/schemas';

export default defineFunction({
  name: 'rotate-webhook-secret',
  context: 'webhooks',
  description: "Rotates a webhook's signing secret; the previous one keeps signing for 24 h",
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/webhooks/{id}/secret-rotation',
      auth: 'jwt',
      roles: ['admin'],
      summary: 'A new whsec_ secret, shown only in this answer; for 24 h deliveries carry signatures by both',
      params: WebhookParamsSchema,
      refusals: [403],
      response: { status: 200, schema: RotatedSecretSchema },
    },
  },
  grants: { table: ['write'] },
});
