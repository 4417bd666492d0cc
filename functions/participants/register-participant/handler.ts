import { httpHandler } from '#shared/kernel/http/http-handler';
import { participantsDeps } from '#shared/participants/deps';
import { registerParticipant } from '#shared/participants/participants';
import declaration from './function.ts';

export const buildHandler = (deps = participantsDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, body }) => registerParticipant(deps, caller, body));

export const handler = buildHandler();
