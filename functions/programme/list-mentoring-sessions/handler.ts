import { httpHandler } from '#shared/kernel/http/http-handler';
import { programmeDeps } from '#shared/programme/deps';
import { listMentoring } from '#shared/programme/mentoring';
import declaration from './function.ts';

export const buildHandler = (deps = programmeDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, query }) => listMentoring(deps, caller, params.participantId, query));

export const handler = buildHandler();
