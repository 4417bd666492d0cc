import { defineFunction } from '#shared/kernel/declaration';
import * as z from '#shared/kernel/validation';
import { apiReferencePolicy } from '#shared/platform/api-reference';

export default defineFunction({
  name: 'api-reference',
  context: 'platform',
  description: 'Serves the HTML API reference: Swagger UI rendering /openapi.json',
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/docs',
      auth: 'public',
      summary: 'The API reference, an HTML page rendering /openapi.json',
      response: { status: 200, schema: z.string(), contentType: 'text/html' },
      // Changes only with a deploy.
      cache: { maxAgeSeconds: 60 },
      contentSecurityPolicy: apiReferencePolicy,
    },
  },
  grants: {},
});
