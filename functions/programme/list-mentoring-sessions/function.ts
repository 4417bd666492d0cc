import { defineFunction } from '#shared/kernel/declaration';
import { ListMentoringQuerySchema, MentoringPageSchema, ProgrammeParamsSchema } from '#shared/programme/schemas';

export default defineFunction({
  name: 'list-mentoring-sessions',
  context: 'programme',
  description: "Lists a participant's mentoring sessions, newest first",
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/participants/{participantId}/mentoring-sessions',
      auth: 'jwt',
      roles: ['participant', 'facilitator', 'officer', 'admin'],
      summary:
        "A participant's mentoring sessions, newest first by date: to the participant, the group's facilitators, officers and admins (404 to anyone else)",
      params: ProgrammeParamsSchema,
      query: ListMentoringQuerySchema,
      response: { status: 200, schema: MentoringPageSchema },
    },
  },
  grants: { table: ['read'], cursorKey: true, accessLog: 'append' },
});
