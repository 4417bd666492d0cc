import { httpHandler, RawBody } from '#shared/kernel/http/http-handler';
import { apiReferencePage } from '#shared/platform/api-reference';
import declaration from './function.ts';

const page = new RawBody('text/html; charset=utf-8', apiReferencePage);

export const handler = httpHandler(declaration.trigger.route, async () => page);
