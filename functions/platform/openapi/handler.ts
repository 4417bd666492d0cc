import { httpRoutes } from '#functions/declarations';
import { httpHandler } from '#shared/kernel/http/http-handler';
import { buildOpenApiDocument } from '#shared/platform/openapi';
import declaration from './function.ts';

const document = buildOpenApiDocument(httpRoutes());

export const handler = httpHandler(declaration.trigger.route, async () => document);
