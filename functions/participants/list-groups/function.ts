import { defineFunction } from '#shared/kernel/declaration';
import { GroupSchema } from '#shared/participants/schemas';
import { ListQuerySchema, pageSchema } from '#shared/kernel/store/page-schemas';

export default defineFunction({
  name: 'list-groups',
  context: 'participants',
  description: 'Lists groups, newest first',
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/groups',
      auth: 'public',
      summary: 'List groups',
      query: ListQuerySchema,
      response: { status: 200, schema: pageSchema(GroupSchema) },
      // Groups change rarely and only by an admin.
      cache: { maxAgeSeconds: 60 },
    },
  },
  grants: { table: ['read'], cursorKey: true },
});
