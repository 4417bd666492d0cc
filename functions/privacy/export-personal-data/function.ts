import { defineFunction } from '#shared/kernel/declaration';
import { ParticipantParamsSchema } from '#shared/participants/schemas';
import { PersonalDataExportSchema } from '#shared/privacy/schemas';

export default defineFunction({
  name: 'export-personal-data',
  context: 'privacy',
  description: 'Exports everything held about a participant as one JSON document',
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/participants/{participantId}/export',
      auth: 'jwt',
      roles: ['participant', 'officer', 'admin'],
      summary:
        "Everything held about the participant: private fields, profile, enrollments, products, their items' orders (without the buyer's data), earnings, payouts, mentoring sessions, placements, follow-ups, access log",
      params: ParticipantParamsSchema,
      refusals: [403],
      response: { status: 200, schema: PersonalDataExportSchema },
    },
  },
  grants: { table: ['read'], cursorKey: true, accessLog: 'append' },
});
