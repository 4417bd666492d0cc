import { defineFunction } from '#shared/kernel/declaration';
import { ProductParamsSchema, ProductSchema } from '#shared/catalog/schemas';

export default defineFunction({
  name: 'delist-product',
  context: 'catalog',
  description: 'Takes a product off sale; emits ProductDelisted',
  trigger: {
    kind: 'http',
    route: {
      method: 'DELETE',
      path: '/products/{productId}/listing',
      auth: 'jwt',
      roles: ['participant', 'facilitator'],
      summary: 'Delist a product',
      params: ProductParamsSchema,
      refusals: [403, 409],
      response: { status: 200, schema: ProductSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
