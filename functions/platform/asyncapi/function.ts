import { defineFunction } from '#shared/kernel/declaration';
import * as z from '#shared/kernel/validation';

export default defineFunction({
  name: 'asyncapi',
  context: 'platform',
  description: 'Serves the AsyncAPI 3.0 document of the webhooks, generated from the event contracts',
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/asyncapi.json',
      auth: 'public',
      summary: 'The AsyncAPI 3.0 document of what partner webhooks receive',
      response: { status: 200, schema: z.looseObject({ asyncapi: z.string() }) },
      // Changes only with a deploy.
      cache: { maxAgeSeconds: 60 },
    },
  },
  grants: {},
});
