import { httpHandler } from '#shared/kernel/http/http-handler';
import { participantsDeps } from '#shared/participants/deps';
import { listGroups } from '#shared/participants/groups';
import declaration from './function.ts';

export const buildHandler = (deps = participantsDeps()) => httpHandler(declaration.trigger.route, ({ query }) => listGroups(deps, query));

export const handler = buildHandler();
