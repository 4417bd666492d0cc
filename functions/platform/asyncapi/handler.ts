import { eventCatalog } from '#events/catalog';
import { httpHandler } from '#shared/kernel/http/http-handler';
import { buildAsyncApiDocument } from '#shared/platform/asyncapi';
import declaration from './function.ts';

const document = buildAsyncApiDocument(eventCatalog);

export const handler = httpHandler(declaration.trigger.route, async () => document);
