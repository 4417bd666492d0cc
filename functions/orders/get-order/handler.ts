import { httpHandler } from '#shared/kernel/http/http-handler';
import { ordersDeps } from '#shared/orders/deps';
import { getOrder } from '#shared/orders/orders';
import declaration from './function.ts';

export const buildHandler = (deps = ordersDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params }) => getOrder(deps, caller, params.orderId));

export const handler = buildHandler();
