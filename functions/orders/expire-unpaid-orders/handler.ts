import { scheduleHandler } from '#shared/kernel/consumers/schedule-handler';
import { expireUnpaidOrders } from '#shared/orders/payment-expiry';
import { ordersPaymentExpiryDeps } from '#shared/orders/payment-expiry-deps';
import declaration from './function.ts';

export const buildHandler = (deps = ordersPaymentExpiryDeps()) =>
  scheduleHandler(declaration, async () => void (await expireUnpaidOrders(deps)));

export const handler = buildHandler();
