import { httpHandler } from '#shared/kernel/http/http-handler';
import { ordersDeps } from '#shared/orders/deps';
import { placeOrder } from '#shared/orders/orders';
import declaration from './function.ts';

export const buildHandler = (deps = ordersDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, headers, body }) => placeOrder(deps, caller, headers['idempotency-key'], body));

export const handler = buildHandler();
