import { defineFunction } from '#shared/kernel/declaration';
import { OrderParamsSchema, OrderSchema, RecordRefundSchema } from '#shared/orders/schemas';

export default defineFunction({
  name: 'record-refund',
  context: 'orders',
  description: 'Records the refund of a returned order: return_requested → refunded, stock back if asked, announcing OrderRefunded',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/orders/{orderId}/refund',
      auth: 'jwt',
      roles: ['facilitator'],
      summary:
        'Record the refund of an order whose return was requested (facilitator of its group) → refunded; `restock: true` gives the stock back; any other status is a 409',
      params: OrderParamsSchema,
      body: RecordRefundSchema,
      refusals: [403, 409],
      response: { status: 200, schema: OrderSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
