import { defineFunction } from '#shared/kernel/declaration';
import { AttendanceSchema, EnrollmentParamsSchema, EnrollmentWithoutAssessmentSchema } from '#shared/training/schemas';

export default defineFunction({
  name: 'record-attendance',
  context: 'training',
  description: 'Records attendance of one session date; the same date counts once',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/enrollments/{enrollmentId}/attendance',
      auth: 'jwt',
      roles: ['facilitator'],
      summary: 'Record attendance for a date',
      params: EnrollmentParamsSchema,
      body: AttendanceSchema,
      refusals: [403, 409, 422],
      response: { status: 200, schema: EnrollmentWithoutAssessmentSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
