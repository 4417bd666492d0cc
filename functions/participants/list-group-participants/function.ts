import { defineFunction } from '#shared/kernel/declaration';
import { GroupParamsSchema, ParticipantSchema } from '#shared/participants/schemas';
import { ListQuerySchema, pageSchema } from '#shared/kernel/store/page-schemas';

export default defineFunction({
  name: 'list-group-participants',
  context: 'participants',
  description: "Lists a group's participants (its roster)",
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/groups/{groupId}/participants',
      auth: 'jwt',
      roles: ['facilitator', 'officer', 'admin'],
      summary: "List a group's participants",
      params: GroupParamsSchema,
      query: ListQuerySchema,
      refusals: [403],
      response: { status: 200, schema: pageSchema(ParticipantSchema) },
    },
  },
  grants: { table: ['read'], cursorKey: true, accessLog: 'append' },
});
