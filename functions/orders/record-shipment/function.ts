import { defineFunction } from '#shared/kernel/declaration';
import { OrderParamsSchema, OrderSchema, RecordShipmentSchema } from '#shared/orders/schemas';

export default defineFunction({
  name: 'record-shipment',
  context: 'orders',
  description: 'Records that the group sent a paid order: paid → shipped, announcing OrderShipped',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/orders/{orderId}/shipment',
      auth: 'jwt',
      roles: ['facilitator'],
      summary: 'Record the shipment of a paid order (facilitator of its group) → shipped; any other status is a 409',
      params: OrderParamsSchema,
      body: RecordShipmentSchema,
      refusals: [403, 409],
      response: { status: 200, schema: OrderSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
