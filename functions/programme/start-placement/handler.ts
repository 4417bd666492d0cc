import { httpHandler } from '#shared/kernel/http/http-handler';
import { programmeWriteDeps } from '#shared/programme/deps';
import { startPlacement } from '#shared/programme/placements';
import declaration from './function.ts';

export const buildHandler = (deps = programmeWriteDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, body }) => startPlacement(deps, caller, params.participantId, body));

export const handler = buildHandler();
