import { defineFunction } from '#shared/kernel/declaration';
import { ParticipantParamsSchema, ParticipantSchema } from '#shared/participants/schemas';

export default defineFunction({
  name: 'erase-personal-data',
  context: 'privacy',
  description: "Erases a participant's personal data and delists their products (ProductDelisted)",
  trigger: {
    kind: 'http',
    route: {
      method: 'DELETE',
      path: '/participants/{participantId}/personal-data',
      auth: 'jwt',
      roles: ['officer', 'admin'],
      summary:
        "Erase legalName, registerNumber, phone, assessment notes, mentoring notes, placements' organisations, follow-up notes and the public profile, withdraw consent, delist the participant's products; ids, amounts and counts stay. Repeating it is harmless",
      params: ParticipantParamsSchema,
      refusals: [403],
      response: { status: 200, schema: ParticipantSchema },
    },
  },
  // Its access-log record is written with the table write grant it needs anyway.
  grants: { table: ['read', 'write'] },
});
