import { httpHandler } from '#shared/kernel/http/http-handler';
import { ordersDeps } from '#shared/orders/deps';
import { listOrders } from '#shared/orders/orders';
import declaration from './function.ts';

export const buildHandler = (deps = ordersDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, query }) => listOrders(deps, caller, query));

export const handler = buildHandler();
