import { defineFunction } from '#shared/kernel/declaration';
import { ListQuerySchema, pageSchema } from '#shared/kernel/store/page-schemas';
import { DeliverySchema, WebhookParamsSchema } from '#shared/webhooks/schemas';

export default defineFunction({
  name: 'list-webhook-deliveries',
  context: 'webhooks',
  description: "A webhook's delivery log, newest event first",
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/webhooks/{id}/deliveries',
      auth: 'jwt',
      roles: ['admin'],
      summary: "A webhook's deliveries, newest event first: status, attempts, last answer, next attempt",
      params: WebhookParamsSchema,
      query: ListQuerySchema,
      refusals: [403],
      response: { status: 200, schema: pageSchema(DeliverySchema) },
    },
  },
  grants: { table: ['read'], cursorKey: true },
});
