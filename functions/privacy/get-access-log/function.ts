import { defineFunction } from '#shared/kernel/declaration';
import { AccessRecordSchema } from '#shared/kernel/access-log/access-record';
import { ParticipantParamsSchema } from '#shared/participants/schemas';
import { ListQuerySchema, pageSchema } from '#shared/kernel/store/page-schemas';

export default defineFunction({
  name: 'get-access-log',
  context: 'privacy',
  description: "Lists who read a participant's private data, newest first",
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/participants/{participantId}/access-log',
      auth: 'jwt',
      roles: ['participant', 'officer', 'facilitator', 'admin'],
      summary: "Who read the participant's private data, newest first (404 to anyone who may not see the participant)",
      params: ParticipantParamsSchema,
      query: ListQuerySchema,
      response: { status: 200, schema: pageSchema(AccessRecordSchema) },
    },
  },
  grants: { table: ['read'], cursorKey: true },
});
