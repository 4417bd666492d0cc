import { logger } from '#shared/kernel/observability/logger';
import { ordersDeps } from './deps.ts';
import type { MidtransDeps } from './midtrans.ts';
import { serverKeyFromConfiguration } from './server-key.ts';

/** Apart from ordersDeps so that only the notification's bundle carries the server key's source. */
export function ordersMidtransDeps(): MidtransDeps {
  const { orders, clock } = ordersDeps();
  return { orders, clock, serverKey: serverKeyFromConfiguration(), log: logger };
}
