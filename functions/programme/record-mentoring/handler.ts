import { httpHandler } from '#shared/kernel/http/http-handler';
import { programmeWriteDeps } from '#shared/programme/deps';
import { recordMentoring } from '#shared/programme/mentoring';
import declaration from './function.ts';

export const buildHandler = (deps = programmeWriteDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, body }) => recordMentoring(deps, caller, params.participantId, body));

export const handler = buildHandler();
