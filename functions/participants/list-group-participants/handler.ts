import { httpHandler } from '#shared/kernel/http/http-handler';
import { participantsDeps } from '#shared/participants/deps';
import { listGroupParticipants } from '#shared/participants/participants';
import declaration from './function.ts';

export const buildHandler = (deps = participantsDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, query }) => listGroupParticipants(deps, caller, params.groupId, query));

export const handler = buildHandler();
