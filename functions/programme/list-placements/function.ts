import { defineFunction } from '#shared/kernel/declaration';
import { ListPlacementsQuerySchema, PlacementPageSchema, ProgrammeParamsSchema } from '#shared/programme/schemas';

export default defineFunction({
  name: 'list-placements',
  context: 'programme',
  description: "Lists a participant's placements, newest first",
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/participants/{participantId}/placements',
      auth: 'jwt',
      roles: ['participant', 'facilitator', 'officer', 'admin'],
      summary:
        "A participant's placements, newest first: to the participant, the group's facilitators, officers and admins (404 to anyone else)",
      params: ProgrammeParamsSchema,
      query: ListPlacementsQuerySchema,
      response: { status: 200, schema: PlacementPageSchema },
    },
  },
  grants: { table: ['read'], cursorKey: true, accessLog: 'append' },
});
