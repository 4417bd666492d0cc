import { httpHandler } from '#shared/kernel/http/http-handler';
import { participantsDeps } from '#shared/participants/deps';
import { getGroup } from '#shared/participants/groups';
import declaration from './function.ts';

export const buildHandler = (deps = participantsDeps()) =>
  httpHandler(declaration.trigger.route, ({ params }) => getGroup(deps, params.groupId));

export const handler = buildHandler();
