import { defineFunction } from '#shared/kernel/declaration';
import { DeliveryParamsSchema, DeliverySchema } from '#shared/webhooks/schemas';

export default defineFunction({
  name: 'retry-webhook-delivery',
  context: 'webhooks',
  description: 'Attempts a delivery again now, whatever its status',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/webhooks/{id}/deliveries/{messageId}/retry',
      auth: 'jwt',
      roles: ['admin'],
      summary: 'Deliver again now (also a failed or succeeded delivery); answers 202 with the delivery, now pending',
      params: DeliveryParamsSchema,
      refusals: [403, 409],
      response: { status: 202, schema: DeliverySchema },
    },
  },
  grants: { table: ['read', 'write'], sendTo: ['webhook-deliveries'] },
});
