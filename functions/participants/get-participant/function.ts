import { defineFunction } from '#shared/kernel/declaration';
import { ParticipantParamsSchema, ParticipantSchema } from '#shared/participants/schemas';

export default defineFunction({
  name: 'get-participant',
  context: 'participants',
  description: "Reads a participant's private record",
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/participants/{participantId}',
      auth: 'jwt',
      roles: ['officer', 'facilitator', 'admin', 'participant'],
      summary: "Read a participant's private record (404 to anyone else)",
      params: ParticipantParamsSchema,
      response: { status: 200, schema: ParticipantSchema },
    },
  },
  grants: { table: ['read'], accessLog: 'append' },
});
