import { earningsDeps } from '#shared/earnings/deps';
import { listPayouts } from '#shared/earnings/payouts';
import { httpHandler } from '#shared/kernel/http/http-handler';
import declaration from './function.ts';

export const buildHandler = (deps = earningsDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, query }) => listPayouts(deps, caller, params.participantId, query));

export const handler = buildHandler();
