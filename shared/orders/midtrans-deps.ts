import { EnvName, readEnv } from '#shared/kernel/env';
import { logger } from '#shared/kernel/observability/logger';
import { ordersDeps } from './deps.ts';
import type { MidtransDeps } from './midtrans.ts';
import { buildMidtransStatusApi } from './midtrans-status-api.ts';
import { serverKeyFromConfiguration } from './server-key.ts';

/** Apart from ordersDeps so that only the notification's bundle carries the server key's source and Midtrans' API. */
export function ordersMidtransDeps(): MidtransDeps {
  const { orders, clock } = ordersDeps();
  const serverKey = serverKeyFromConfiguration();
  const paymentStatus = buildMidtransStatusApi({ apiUrl: readEnv(EnvName.midtransApiUrl), serverKey });
  return { orders, clock, serverKey, paymentStatus, log: logger };
}
