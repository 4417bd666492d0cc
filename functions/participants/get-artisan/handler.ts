import { httpHandler } from '#shared/kernel/http/http-handler';
import { participantsDeps } from '#shared/participants/deps';
import { getArtisan } from '#shared/participants/participants';
import declaration from './function.ts';

export const buildHandler = (deps = participantsDeps()) =>
  httpHandler(declaration.trigger.route, ({ params }) => getArtisan(deps, params.participantId));

export const handler = buildHandler();
