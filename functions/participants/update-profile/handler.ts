import { httpHandler } from '#shared/kernel/http/http-handler';
import { participantsDeps } from '#shared/participants/deps';
import { updateProfile } from '#shared/participants/participants';
import declaration from './function.ts';

export const buildHandler = (deps = participantsDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, body }) => updateProfile(deps, caller, params.participantId, body));

export const handler = buildHandler();
