import { defineFunction } from '#shared/kernel/declaration';
import { CreateProductSchema, ProductSchema } from '#shared/catalog/schemas';

export default defineFunction({
  name: 'create-product',
  context: 'catalog',
  description: 'Creates a draft product for an eligible participant',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/products',
      auth: 'jwt',
      roles: ['participant', 'facilitator'],
      summary: 'Create a draft product (the participant must be eligible to sell)',
      body: CreateProductSchema,
      refusals: [403, 404, 422],
      response: { status: 201, schema: ProductSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
