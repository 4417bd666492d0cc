import { defineFunction } from '#shared/kernel/declaration';
import { OrderParamsSchema, OrderViewSchema } from '#shared/orders/schemas';

export default defineFunction({
  name: 'get-order',
  context: 'orders',
  description: 'Reads an order for its buyer, its sellers, its group’s facilitators and admins',
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/orders/{orderId}',
      auth: 'jwt',
      roles: ['buyer', 'participant', 'facilitator', 'admin'],
      summary: 'An order: to its buyer, participants with items in it, the group’s facilitators and admins (404 to anyone else)',
      params: OrderParamsSchema,
      response: { status: 200, schema: OrderViewSchema },
    },
  },
  grants: { table: ['read'] },
});
