import { defineFunction } from '#shared/kernel/declaration';
import { OrderParamsSchema, OrderSchema, RequestReturnSchema } from '#shared/orders/schemas';

export default defineFunction({
  name: 'request-return',
  context: 'orders',
  description: 'Records a buyer’s return request for a delivered order: delivered → return_requested, announcing ReturnRequested',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/orders/{orderId}/returns',
      auth: 'jwt',
      roles: ['buyer'],
      summary:
        'Ask to send a delivered order back (its buyer, within 7 days of delivery, else 422) → return_requested; the reason code is sent to partners, the note stays on the order',
      params: OrderParamsSchema,
      body: RequestReturnSchema,
      refusals: [403, 409, 422],
      response: { status: 200, schema: OrderSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
