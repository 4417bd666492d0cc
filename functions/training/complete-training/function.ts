import { defineFunction } from '#shared/kernel/declaration';
import { CompletionSchema, EnrollmentParamsSchema, EnrollmentWithoutAssessmentSchema } from '#shared/training/schemas';

export default defineFunction({
  name: 'complete-training',
  context: 'training',
  description: 'Completes a training once enough sessions were attended; emits TrainingCompleted',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/enrollments/{enrollmentId}/completion',
      auth: 'jwt',
      roles: ['facilitator'],
      summary: 'Complete a training',
      params: EnrollmentParamsSchema,
      body: CompletionSchema,
      refusals: [403, 409, 422],
      response: { status: 200, schema: EnrollmentWithoutAssessmentSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
