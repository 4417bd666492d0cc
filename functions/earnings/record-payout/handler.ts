import { earningsDeps } from '#shared/earnings/deps';
import { recordPayout } from '#shared/earnings/payouts';
import { httpHandler } from '#shared/kernel/http/http-handler';
import declaration from './function.ts';

export const buildHandler = (deps = earningsDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, headers, body }) =>
    recordPayout(deps, caller, params.participantId, headers['idempotency-key'], body),
  );

export const handler = buildHandler();
