import { defineFunction } from '#shared/kernel/declaration';
import { ListOrdersQuerySchema, OrderViewSchema } from '#shared/orders/schemas';
import { pageSchema } from '#shared/kernel/store/page-schemas';

export default defineFunction({
  name: 'list-orders',
  context: 'orders',
  description: 'Lists the orders the caller may see, newest first',
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/orders',
      auth: 'jwt',
      roles: ['buyer', 'participant', 'facilitator', 'admin'],
      summary: "Orders, newest first: a buyer's own, a facilitator's group's, a participant's with their items, all for admins",
      query: ListOrdersQuerySchema,
      refusals: [403],
      response: { status: 200, schema: pageSchema(OrderViewSchema) },
    },
  },
  grants: { table: ['read'], cursorKey: true },
});
