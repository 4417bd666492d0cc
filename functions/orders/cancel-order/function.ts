import { defineFunction } from '#shared/kernel/declaration';
import { CancelOrderSchema, OrderParamsSchema, OrderSchema } from '#shared/orders/schemas';

export default defineFunction({
  name: 'cancel-order',
  context: 'orders',
  description: 'Cancels an order and gives its stock back, announcing OrderCancelled (and OrderRefunded for a paid one)',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/orders/{orderId}/cancellation',
      auth: 'jwt',
      roles: ['buyer', 'facilitator'],
      summary:
        'Cancel an order (its buyer while placed, the facilitator of its group while placed or paid) → cancelled, stock given back; a paid order needs its `refund` (422 without it, and for a placed order with one) and announces OrderRefunded too; the reason code is sent to partners, the note stays on the order',
      params: OrderParamsSchema,
      body: CancelOrderSchema,
      refusals: [403, 409, 422],
      response: { status: 200, schema: OrderSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
