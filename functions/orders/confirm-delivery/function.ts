import { defineFunction } from '#shared/kernel/declaration';
import { OrderParamsSchema, OrderSchema } from '#shared/orders/schemas';

export default defineFunction({
  name: 'confirm-delivery',
  context: 'orders',
  description: 'Confirms a shipped order arrived: shipped → delivered, announcing OrderDelivered',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/orders/{orderId}/delivery',
      auth: 'jwt',
      roles: ['facilitator', 'buyer'],
      summary:
        'Confirm delivery of a shipped order (facilitator of its group or its buyer; no body) → delivered; any other status is a 409',
      params: OrderParamsSchema,
      refusals: [403, 409],
      response: { status: 200, schema: OrderSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
