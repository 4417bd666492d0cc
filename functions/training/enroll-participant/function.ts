import { defineFunction } from '#shared/kernel/declaration';
import { EnrollmentWithoutAssessmentSchema, EnrollSchema, ProgramParamsSchema } from '#shared/training/schemas';

export default defineFunction({
  name: 'enroll-participant',
  context: 'training',
  description: 'Enrolls a participant in a program with an intake assessment; emits TrainingEnrolled',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/programs/{programId}/enrollments',
      auth: 'jwt',
      roles: ['facilitator'],
      summary: 'Enroll a participant of the group',
      params: ProgramParamsSchema,
      body: EnrollSchema,
      refusals: [403, 409, 422],
      response: { status: 201, schema: EnrollmentWithoutAssessmentSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
