import { defineFunction } from '#shared/kernel/declaration';
import { EndPlacementSchema, PlacementParamsSchema, PlacementSchema } from '#shared/programme/schemas';

export default defineFunction({
  name: 'end-placement',
  context: 'programme',
  description: 'Ends an active placement with its outcome, once (PlacementEnded)',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/placements/{placementId}/end',
      auth: 'jwt',
      roles: ['facilitator', 'officer'],
      summary: "End a placement: the participant's group's facilitators and officers; a placement that has ended already is a 409",
      params: PlacementParamsSchema,
      body: EndPlacementSchema,
      refusals: [403, 409],
      response: { status: 200, schema: PlacementSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
