import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { httpDeclarations } from '#functions/declarations';
import { buildOpenApiDocument, localServer } from '#shared/platform/openapi';

/**
 * Writes the OpenAPI document as GET /openapi.json serves it to a local caller, for `npm run lint:openapi` to lint:
 * the same declarations, so what the linter reads is what clients get.
 */
const [target = 'cdk.out/openapi.json'] = process.argv.slice(2);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, JSON.stringify(buildOpenApiDocument(httpDeclarations(), [localServer]), null, 2));
