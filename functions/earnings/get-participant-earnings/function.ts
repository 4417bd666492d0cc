import { defineFunction } from '#shared/kernel/declaration';
import { EarningsParamsSchema, ParticipantEarningsSchema } from '#shared/earnings/schemas';

export default defineFunction({
  name: 'get-participant-earnings',
  context: 'earnings',
  description: "Reads a participant's earnings: their total and one entry per credited order item",
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/participants/{participantId}/earnings',
      auth: 'jwt',
      roles: ['participant', 'facilitator', 'officer', 'admin'],
      summary:
        "A participant's earnings, newest first: to the participant, the group's facilitators, officers and admins (404 to anyone else)",
      params: EarningsParamsSchema,
      response: { status: 200, schema: ParticipantEarningsSchema },
    },
  },
  grants: { table: ['read'], accessLog: 'append' },
});
