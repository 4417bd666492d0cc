import { defineFunction } from '#shared/kernel/declaration';
import * as z from '#shared/kernel/validation';
import { apiReferenceAssetNames } from '#shared/platform/api-reference';

export default defineFunction({
  name: 'api-reference-asset',
  context: 'platform',
  description: "Serves the API reference's stylesheet and scripts: Swagger UI's files and our initializer",
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/docs/{asset}',
      auth: 'public',
      summary: "A stylesheet or script of the API reference's page",
      // Only the page's own files: any other name is a 404, as the params of any route are.
      params: z.object({ asset: z.enum(apiReferenceAssetNames) }),
      response: { status: 200, schema: z.string(), contentType: 'text/javascript', alternativeContentTypes: ['text/css'] },
      // Changes only with a deploy.
      cache: { maxAgeSeconds: 60 },
    },
  },
  grants: {},
  // Its files are read from the package at cold start, so it ships beside the bundle, whole.
  nodeModules: ['swagger-ui-dist'],
});
