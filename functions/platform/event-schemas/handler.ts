import { eventCatalog } from '#events/catalog';
import { httpHandler } from '#shared/kernel/http/http-handler';
import { buildEventSchemas } from '#shared/platform/openapi';
import declaration from './function.ts';

const schemas = buildEventSchemas(eventCatalog);

export const handler = httpHandler(declaration.trigger.route, async () => schemas);
