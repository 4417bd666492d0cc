import { defineFunction } from '#shared/kernel/declaration';
import { BrowseProductsQuerySchema, ProductSchema } from '#shared/catalog/schemas';
import { pageSchema } from '#shared/kernel/store/page-schemas';

export default defineFunction({
  name: 'browse-products',
  context: 'catalog',
  description: 'Lists products on sale, newest listing first, by category, group or artisan',
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/products',
      auth: 'public',
      summary: 'Browse listed products',
      query: BrowseProductsQuerySchema,
      response: { status: 200, schema: pageSchema(ProductSchema) },
      // Listings and stock change with every sale; placing an order reads the stock itself.
      cache: { maxAgeSeconds: 30 },
    },
  },
  grants: { table: ['read'], cursorKey: true },
});
