import { earningsDeps } from '#shared/earnings/deps';
import { getParticipantEarnings } from '#shared/earnings/earnings';
import { httpHandler } from '#shared/kernel/http/http-handler';
import declaration from './function.ts';

export const buildHandler = (deps = earningsDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params }) => getParticipantEarnings(deps, caller, params.participantId));

export const handler = buildHandler();
