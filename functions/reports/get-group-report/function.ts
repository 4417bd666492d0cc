import { defineFunction } from '#shared/kernel/declaration';
import { GroupReportSchema, ReportParamsSchema, ReportQuerySchema } from '#shared/reports/schemas';

export default defineFunction({
  name: 'get-group-report',
  context: 'reports',
  description: "A group's figures over a range of dates, summed from the report projection's buckets",
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/reports/groups/{groupId}',
      auth: 'jwt',
      roles: ['facilitator', 'officer', 'admin'],
      summary: "A group's figures from `from` to `to` (inclusive UTC dates, default the current month); `format=csv` answers text/csv",
      params: ReportParamsSchema,
      query: ReportQuerySchema,
      refusals: [403],
      response: { status: 200, schema: GroupReportSchema, alternativeContentTypes: ['text/csv'] },
    },
  },
  grants: { table: ['read'] },
});
