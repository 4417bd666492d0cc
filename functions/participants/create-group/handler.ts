import { httpHandler } from '#shared/kernel/http/http-handler';
import { participantsDeps } from '#shared/participants/deps';
import { createGroup } from '#shared/participants/groups';
import declaration from './function.ts';

export const buildHandler = (deps = participantsDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, body }) => createGroup(deps, caller, body));

export const handler = buildHandler();
