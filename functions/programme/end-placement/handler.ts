import { httpHandler } from '#shared/kernel/http/http-handler';
import { programmeWriteDeps } from '#shared/programme/deps';
import { endPlacement } from '#shared/programme/placements';
import declaration from './function.ts';

export const buildHandler = (deps = programmeWriteDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, body }) => endPlacement(deps, caller, params.placementId, body));

export const handler = buildHandler();
