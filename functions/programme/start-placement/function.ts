import { defineFunction } from '#shared/kernel/declaration';
import { PlacementSchema, ProgrammeParamsSchema, StartPlacementSchema } from '#shared/programme/schemas';

export default defineFunction({
  name: 'start-placement',
  context: 'programme',
  description: 'Records a participant starting an internship, a job or their own business (PlacementStarted)',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/participants/{participantId}/placements',
      auth: 'jwt',
      roles: ['facilitator', 'officer'],
      summary: "Record a placement: the participant's group's facilitators and officers (404 to anyone who may not see the participant)",
      params: ProgrammeParamsSchema,
      body: StartPlacementSchema,
      refusals: [403],
      response: { status: 201, schema: PlacementSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
