import { defineFunction } from '#shared/kernel/declaration';
import { CreateGroupSchema, GroupSchema } from '#shared/participants/schemas';

export default defineFunction({
  name: 'create-group',
  context: 'participants',
  description: 'Registers a Pokmas Lipas group',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/groups',
      auth: 'jwt',
      roles: ['admin'],
      summary: 'Register a group (Pokmas Lipas)',
      body: CreateGroupSchema,
      refusals: [403],
      response: { status: 201, schema: GroupSchema },
    },
  },
  grants: { table: ['write'] },
});
