import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type ApiReferenceAsset, type ApiReferenceAssetName, apiReferenceInitializer } from './api-reference.ts';

/**
 * Where swagger-ui-dist is: deployed, in node_modules beside the bundle (the declaration's `nodeModules`); locally, the
 * repository's. Resolved from this module rather than imported, since its files are served, not run.
 */
const swaggerUiDist = () => dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The stylesheet's source map is not served, so the comment sending browsers' developer tools to it goes. */
const withoutSourceMapComment = (css: string) => css.replace(/\/\*# sourceMappingURL=[^*]*\*\/\s*$/, '');

/** Every asset of GET /docs/{asset}, read once: a container serves them from memory. */
export function readApiReferenceAssets(directory = swaggerUiDist()): Record<ApiReferenceAssetName, ApiReferenceAsset> {
  const read = (file: string) => readFileSync(join(directory, file), 'utf8');
  return {
    'swagger-ui.css': { contentType: 'text/css; charset=utf-8', body: withoutSourceMapComment(read('swagger-ui.css')) },
    'swagger-ui-bundle.js': { contentType: 'text/javascript; charset=utf-8', body: read('swagger-ui-bundle.js') },
    'api-reference.js': { contentType: 'text/javascript; charset=utf-8', body: apiReferenceInitializer },
  };
}
