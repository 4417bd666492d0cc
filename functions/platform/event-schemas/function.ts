import { defineFunction } from '#shared/kernel/declaration';
import * as z from '#shared/kernel/validation';

export default defineFunction({
  name: 'event-schemas',
  context: 'platform',
  description: "Serves the JSON Schema of every event's data, for partners",
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/events/schemas',
      auth: 'public',
      summary: "JSON Schema of each event's data, keyed by detail-type",
      response: { status: 200, schema: z.record(z.string(), z.looseObject({})) },
      // Changes only with a deploy.
      cache: { maxAgeSeconds: 60 },
    },
  },
  grants: {},
});
