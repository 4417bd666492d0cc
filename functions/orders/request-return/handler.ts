import { httpHandler } from '#shared/kernel/http/http-handler';
import { ordersDeps } from '#shared/orders/deps';
import { requestReturn } from '#shared/orders/returns';
import declaration from './function.ts';

export const buildHandler = (deps = ordersDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, body }) => requestReturn(deps, caller, params.orderId, body));

export const handler = buildHandler();
