import { defineFunction } from '#shared/kernel/declaration';
import { ParticipantSchema, RegisterParticipantSchema } from '#shared/participants/schemas';

export default defineFunction({
  name: 'register-participant',
  context: 'participants',
  description: 'Registers a klien pemasyarakatan in a group; emits ParticipantRegistered',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/participants',
      auth: 'jwt',
      roles: ['officer'],
      summary: 'Register a participant',
      body: RegisterParticipantSchema,
      refusals: [403, 422],
      response: { status: 201, schema: ParticipantSchema },
    },
  },
  grants: { table: ['write'] },
});
