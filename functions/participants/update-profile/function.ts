import { defineFunction } from '#shared/kernel/declaration';
import { ParticipantParamsSchema, ParticipantSchema, UpdateProfileSchema } from '#shared/participants/schemas';

export default defineFunction({
  name: 'update-profile',
  context: 'participants',
  description: 'The participant sets their public profile and consent',
  trigger: {
    kind: 'http',
    route: {
      method: 'PUT',
      path: '/participants/{participantId}/profile',
      auth: 'jwt',
      roles: ['participant'],
      summary: 'Set your own public profile and consent',
      params: ParticipantParamsSchema,
      body: UpdateProfileSchema,
      refusals: [403, 409, 422],
      response: { status: 200, schema: ParticipantSchema },
    },
  },
  grants: { table: ['read', 'write'], accessLog: 'append' },
});
