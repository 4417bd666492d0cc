import { defineFunction } from '#shared/kernel/declaration';
import { EarningsParamsSchema, ListPayoutsQuerySchema, PayoutPageSchema } from '#shared/earnings/schemas';

export default defineFunction({
  name: 'list-payouts',
  context: 'earnings',
  description: "Lists a participant's payouts, newest first",
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/participants/{participantId}/payouts',
      auth: 'jwt',
      roles: ['participant', 'facilitator', 'officer', 'admin'],
      summary:
        "A participant's payouts, newest first: to the participant, the group's facilitators, officers and admins (404 to anyone else)",
      params: EarningsParamsSchema,
      query: ListPayoutsQuerySchema,
      response: { status: 200, schema: PayoutPageSchema },
    },
  },
  grants: { table: ['read'], cursorKey: true, accessLog: 'append' },
});
