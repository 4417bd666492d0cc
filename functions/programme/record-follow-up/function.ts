import { defineFunction } from '#shared/kernel/declaration';
import { FollowUpSchema, ProgrammeParamsSchema, RecordFollowUpSchema } from '#shared/programme/schemas';

export default defineFunction({
  name: 'record-follow-up',
  context: 'programme',
  description: 'Records a follow-up 3, 6 or 12 months after a completed training, once per training and month (FollowUpRecorded)',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/participants/{participantId}/follow-ups',
      auth: 'jwt',
      roles: ['facilitator', 'officer'],
      summary:
        "Record a follow-up of a completed training: the participant's group's facilitators and officers (404 to anyone who may not see the participant, 422 for an enrollment that is not their completed training, 409 the second time)",
      params: ProgrammeParamsSchema,
      body: RecordFollowUpSchema,
      refusals: [403, 409, 422],
      response: { status: 201, schema: FollowUpSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
