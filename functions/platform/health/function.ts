import { defineFunction } from '#shared/kernel/declaration';
import * as z from '#shared/kernel/validation';

export default defineFunction({
  name: 'health',
  context: 'platform',
  description: 'Liveness probe',
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/health',
      auth: 'public',
      summary: 'Liveness probe',
      response: { status: 200, schema: z.object({ status: z.literal('ok') }) },
    },
  },
  grants: {},
});
