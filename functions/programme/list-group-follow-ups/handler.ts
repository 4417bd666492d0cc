import { httpHandler } from '#shared/kernel/http/http-handler';
import { programmeDeps } from '#shared/programme/deps';
import { listGroupFollowUps } from '#shared/programme/follow-ups';
import declaration from './function.ts';

export const buildHandler = (deps = programmeDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, query }) => listGroupFollowUps(deps, caller, params.groupId, query));

export const handler = buildHandler();
