import { defineFunction } from '#shared/kernel/declaration';
import { ProductParamsSchema, ProductSchema } from '#shared/catalog/schemas';

export default defineFunction({
  name: 'list-product',
  context: 'catalog',
  description: 'Puts a product on sale; emits ProductListed',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/products/{productId}/listing',
      auth: 'jwt',
      roles: ['participant', 'facilitator'],
      summary: 'List a product for sale',
      params: ProductParamsSchema,
      refusals: [403, 409, 422],
      response: { status: 200, schema: ProductSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
