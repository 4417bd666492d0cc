import { httpDeclarations } from '#functions/declarations';
import { httpHandler } from '#shared/kernel/http/http-handler';
import { buildOpenApiDocument, serversFor } from '#shared/platform/openapi';
import declaration from './function.ts';

const document = buildOpenApiDocument(httpDeclarations(), []);

export const handler = httpHandler(declaration.trigger.route, async ({ headers }) => ({ ...document, servers: serversFor(headers) }));
