import { defineFunction } from '#shared/kernel/declaration';
import * as z from '#shared/kernel/validation';

export default defineFunction({
  name: 'openapi',
  context: 'platform',
  description: 'Serves the OpenAPI 3.1 document generated from the route declarations',
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/openapi.json',
      auth: 'public',
      summary: 'The OpenAPI 3.1 document of every route',
      response: { status: 200, schema: z.looseObject({ openapi: z.string() }) },
      // Changes only with a deploy.
      cache: { maxAgeSeconds: 60 },
    },
  },
  grants: {},
});
