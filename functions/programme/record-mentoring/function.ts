import { defineFunction } from '#shared/kernel/declaration';
import { MentoringSessionSchema, ProgrammeParamsSchema, RecordMentoringSchema } from '#shared/programme/schemas';

export default defineFunction({
  name: 'record-mentoring',
  context: 'programme',
  description: 'Records a mentoring session of a participant with their group (MentoringRecorded)',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/participants/{participantId}/mentoring-sessions',
      auth: 'jwt',
      roles: ['facilitator'],
      summary: "Record a mentoring session: the participant's group's facilitators only (404 to anyone who may not see the participant)",
      params: ProgrammeParamsSchema,
      body: RecordMentoringSchema,
      refusals: [403],
      response: { status: 201, schema: MentoringSessionSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
