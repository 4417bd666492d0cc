import { httpHandler } from '#shared/kernel/http/http-handler';
import { artisanDeps } from '#shared/participants/deps';
import { getArtisan } from '#shared/participants/participants';
import declaration from './function.ts';

export const buildHandler = (deps = artisanDeps()) =>
  httpHandler(declaration.trigger.route, ({ params }) => getArtisan(deps, params.participantId));

export const handler = buildHandler();
