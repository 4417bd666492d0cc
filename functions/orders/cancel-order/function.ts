import { defineFunction } from '#shared/kernel/declaration';
import { CancelOrderSchema, OrderParamsSchema, OrderSchema } from '#shared/orders/schemas';

export default defineFunction({
  name: 'cancel-order',
  context: 'orders',
  description: 'Cancels an order and gives its stock back, announcing OrderCancelled',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/orders/{orderId}/cancellation',
      auth: 'jwt',
      roles: ['buyer', 'facilitator'],
      summary:
        'Cancel an order (its buyer while placed, the facilitator of its group while placed or paid) → cancelled, stock given back; the reason is sent to partners, so keep personal data out of it',
      params: OrderParamsSchema,
      body: CancelOrderSchema,
      response: { status: 200, schema: OrderSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
