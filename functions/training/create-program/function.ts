import { defineFunction } from '#shared/kernel/declaration';
import { CreateProgramSchema, ProgramSchema } from '#shared/training/schemas';

export default defineFunction({
  name: 'create-program',
  context: 'training',
  description: 'Creates a training program in a group',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/programs',
      auth: 'jwt',
      roles: ['facilitator', 'admin'],
      summary: 'Create a training program',
      body: CreateProgramSchema,
      refusals: [403, 422],
      response: { status: 201, schema: ProgramSchema },
    },
  },
  grants: { table: ['write'] },
});
