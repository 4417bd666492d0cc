import { httpHandler } from '#shared/kernel/http/http-handler';
import { handleMidtransNotification } from '#shared/orders/midtrans';
import { ordersMidtransDeps } from '#shared/orders/midtrans-deps';
import declaration from './function.ts';

export const buildHandler = (deps = ordersMidtransDeps()) =>
  httpHandler(declaration.trigger.route, ({ body }) => handleMidtransNotification(deps, body));

export const handler = buildHandler();
