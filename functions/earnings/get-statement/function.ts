import { defineFunction } from '#shared/kernel/declaration';
import { EarningsParamsSchema, StatementQuerySchema, StatementSchema } from '#shared/earnings/schemas';

export default defineFunction({
  name: 'get-statement',
  context: 'earnings',
  description: "A participant's statement over a range of dates: opening balance, credits, reversals and payouts, closing balance",
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/participants/{participantId}/statement',
      auth: 'jwt',
      roles: ['participant', 'facilitator', 'officer', 'admin'],
      summary:
        "A participant's statement from `from` to `to` (inclusive UTC dates, default the current month); `format=csv` answers its lines as text/csv",
      params: EarningsParamsSchema,
      query: StatementQuerySchema,
      response: { status: 200, schema: StatementSchema, alternativeContentTypes: ['text/csv'] },
    },
  },
  grants: { table: ['read'], accessLog: 'append' },
});
