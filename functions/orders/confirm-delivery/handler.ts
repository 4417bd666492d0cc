import { httpHandler } from '#shared/kernel/http/http-handler';
import { ordersDeps } from '#shared/orders/deps';
import { confirmDelivery } from '#shared/orders/lifecycle';
import declaration from './function.ts';

export const buildHandler = (deps = ordersDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params }) => confirmDelivery(deps, caller, params.orderId));

export const handler = buildHandler();
