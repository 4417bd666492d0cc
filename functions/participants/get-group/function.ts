import { defineFunction } from '#shared/kernel/declaration';
import { GroupParamsSchema, GroupSchema } from '#shared/participants/schemas';

export default defineFunction({
  name: 'get-group',
  context: 'participants',
  description: 'Reads one group',
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/groups/{groupId}',
      auth: 'public',
      summary: 'Read a group',
      params: GroupParamsSchema,
      response: { status: 200, schema: GroupSchema },
      // Groups change rarely and only by an admin.
      cache: { maxAgeSeconds: 60 },
    },
  },
  grants: { table: ['read'] },
});
