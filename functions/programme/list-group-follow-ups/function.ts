import { defineFunction } from '#shared/kernel/declaration';
import { FollowUpPageSchema, GroupParamsSchema, ListFollowUpsQuerySchema } from '#shared/programme/schemas';

export default defineFunction({
  name: 'list-group-follow-ups',
  context: 'programme',
  description: "Lists a group's follow-ups that are due, overdue or done",
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/groups/{groupId}/follow-ups',
      auth: 'jwt',
      roles: ['facilitator', 'officer', 'admin'],
      summary:
        "A group's follow-ups by status (due: due in the past or within 14 days, none recorded; overdue: more than 30 days past; done: recorded): to the group's facilitators, officers and admins (404 to anyone else)",
      params: GroupParamsSchema,
      query: ListFollowUpsQuerySchema,
      response: { status: 200, schema: FollowUpPageSchema },
    },
  },
  grants: { table: ['read'], cursorKey: true, accessLog: 'append' },
});
