import { defineFunction } from '#shared/kernel/declaration';
import { ProductParamsSchema, ProductSchema, UpdateProductSchema } from '#shared/catalog/schemas';

export default defineFunction({
  name: 'update-product',
  context: 'catalog',
  description: "Changes a product's details, price or stock",
  trigger: {
    kind: 'http',
    route: {
      method: 'PATCH',
      path: '/products/{productId}',
      auth: 'jwt',
      roles: ['participant', 'facilitator'],
      summary: 'Change a product (its seller or their facilitator)',
      params: ProductParamsSchema,
      body: UpdateProductSchema,
      refusals: [403],
      response: { status: 200, schema: ProductSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
