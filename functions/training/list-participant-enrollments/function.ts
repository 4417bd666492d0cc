import { defineFunction } from '#shared/kernel/declaration';
import { ParticipantParamsSchema } from '#shared/participants/schemas';
import { ListQuerySchema, pageSchema } from '#shared/kernel/store/page-schemas';
import { EnrollmentSchema } from '#shared/training/schemas';

export default defineFunction({
  name: 'list-participant-enrollments',
  context: 'training',
  description: "Lists a participant's enrollments (private view)",
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/participants/{participantId}/enrollments',
      auth: 'jwt',
      roles: ['officer', 'facilitator', 'admin', 'participant'],
      summary: "List a participant's enrollments (404 to anyone who may not see them)",
      params: ParticipantParamsSchema,
      query: ListQuerySchema,
      response: { status: 200, schema: pageSchema(EnrollmentSchema) },
    },
  },
  grants: { table: ['read'], cursorKey: true, accessLog: 'append' },
});
