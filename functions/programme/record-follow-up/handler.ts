import { httpHandler } from '#shared/kernel/http/http-handler';
import { programmeWriteDeps } from '#shared/programme/deps';
import { recordFollowUp } from '#shared/programme/follow-ups';
import declaration from './function.ts';

export const buildHandler = (deps = programmeWriteDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, body }) => recordFollowUp(deps, caller, params.participantId, body));

export const handler = buildHandler();
