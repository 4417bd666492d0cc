import { httpHandler } from '#shared/kernel/http/http-handler';
import { privacyDeps } from '#shared/privacy/deps';
import { getAccessLog } from '#shared/privacy/personal-data';
import declaration from './function.ts';

export const buildHandler = (deps = privacyDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, query }) => getAccessLog(deps, caller, params.participantId, query));

export const handler = buildHandler();
