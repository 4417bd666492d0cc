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
      // A probe through the CDN sees the API at most 5 s late; monitors that must see each failure call the API itself.
      cache: { maxAgeSeconds: 5 },
    },
  },
  grants: {},
});
