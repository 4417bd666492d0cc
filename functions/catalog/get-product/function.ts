import { defineFunction } from '#shared/kernel/declaration';
import { ProductParamsSchema, ProductSchema } from '#shared/catalog/schemas';

export default defineFunction({
  name: 'get-product',
  context: 'catalog',
  description: 'Reads a product: anyone when listed, its seller and facilitators always',
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/products/{productId}',
      auth: 'optional',
      summary: 'Read a product (drafts and delisted products only for their seller and the group facilitators)',
      params: ProductParamsSchema,
      response: { status: 200, schema: ProductSchema },
      // Listings and stock change with every sale; placing an order reads the stock itself.
      cache: { maxAgeSeconds: 30 },
    },
  },
  grants: { table: ['read'] },
});
