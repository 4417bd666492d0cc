import { httpHandler } from '#shared/kernel/http/http-handler';
import { programmeDeps } from '#shared/programme/deps';
import { listPlacements } from '#shared/programme/placements';
import declaration from './function.ts';

export const buildHandler = (deps = programmeDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, query }) => listPlacements(deps, caller, params.participantId, query));

export const handler = buildHandler();
