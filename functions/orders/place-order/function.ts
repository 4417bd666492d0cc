import { defineFunction } from '#shared/kernel/declaration';
import { OrderSchema, PlaceOrderHeadersSchema, PlaceOrderSchema } from '#shared/orders/schemas';

export default defineFunction({
  name: 'place-order',
  context: 'orders',
  description: 'Places an order at catalog prices, taking the stock, once per Idempotency-Key',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/orders',
      auth: 'jwt',
      roles: ['buyer'],
      summary:
        "Place an order of one group's listed products (header Idempotency-Key required: the same key and body answer the same order)",
      headers: PlaceOrderHeadersSchema,
      body: PlaceOrderSchema,
      refusals: [403, 409, 422],
      response: { status: 201, schema: OrderSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
