import { defineFunction } from '#shared/kernel/declaration';
import { OrderParamsSchema, OrderSchema, RecordPaymentSchema } from '#shared/orders/schemas';

export default defineFunction({
  name: 'record-payment',
  context: 'orders',
  description: 'Records a payment the group’s facilitator received: placed → paid, announcing OrderPaid',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/orders/{orderId}/payment',
      auth: 'jwt',
      roles: ['facilitator'],
      summary: 'Record the payment of a placed order (facilitator of its group) → paid; any other status is a 409',
      params: OrderParamsSchema,
      body: RecordPaymentSchema,
      refusals: [403, 409],
      response: { status: 200, schema: OrderSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
