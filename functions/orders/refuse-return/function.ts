import { defineFunction } from '#shared/kernel/declaration';
import { OrderParamsSchema, OrderSchema, RefuseReturnSchema } from '#shared/orders/schemas';

export default defineFunction({
  name: 'refuse-return',
  context: 'orders',
  description: 'Refuses a requested return, for good: return_requested → return_refused',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/orders/{orderId}/return-refusal',
      auth: 'jwt',
      roles: ['facilitator'],
      summary:
        'Refuse the return of an order (facilitator of its group, while return_requested) → return_refused, final: the buyer cannot ask again; the note is for the buyer and stays on the order',
      params: OrderParamsSchema,
      body: RefuseReturnSchema,
      refusals: [403, 409],
      response: { status: 200, schema: OrderSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
