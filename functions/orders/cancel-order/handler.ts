import { httpHandler } from '#shared/kernel/http/http-handler';
import { ordersDeps } from '#shared/orders/deps';
import { cancelOrder } from '#shared/orders/lifecycle';
import declaration from './function.ts';

export const buildHandler = (deps = ordersDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, body }) => cancelOrder(deps, caller, params.orderId, body));

export const handler = buildHandler();
