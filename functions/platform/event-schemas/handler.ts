import { eventCatalog } from '#events/catalog';
import { httpHandler } from '#shared/http/http-handler';
import { buildEventSchemas } from '#shared/platform/openapi';
import declaration from './function.ts';

const schemas = buildEventSchemas(eventCatalog);

export const handler = httpHandler(declaration.trigger.route, async () => schemas);
