import { httpHandler } from '#shared/kernel/http/http-handler';
import declaration from './function.ts';

export const handler = httpHandler(declaration.trigger.route, async () => ({ status: 'ok' }));
