import { systemClock } from '#shared/kernel/clock';
import { buildDocumentClient, tableName } from '#shared/kernel/store/dynamo';
import { buildCursorCodec } from '#shared/kernel/store/pagination';
import { buildOrderStore } from './dynamo-order-store.ts';
import { buildPaymentExpiryStore } from './dynamo-payment-expiry-store.ts';
import type { PaymentExpiryDeps } from './payment-expiry.ts';

/** The expiry sweeper's side effects: the due partition, the orders in it, and the clock. */
export function ordersPaymentExpiryDeps(): PaymentExpiryDeps {
  const doc = buildDocumentClient();
  const table = tableName();
  return { expiries: buildPaymentExpiryStore(doc, table), orders: buildOrderStore(doc, table, buildCursorCodec()), clock: systemClock };
}
