import { httpHandler } from '#shared/kernel/http/http-handler';
import { ordersDeps } from '#shared/orders/deps';
import { recordPayment } from '#shared/orders/lifecycle';
import declaration from './function.ts';

export const buildHandler = (deps = ordersDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, body }) => recordPayment(deps, caller, params.orderId, body));

export const handler = buildHandler();
