import { systemClock } from '#shared/kernel/clock';
import { EnvName } from '#shared/kernel/env';
import { emfCounter } from '#shared/kernel/observability/metrics';
import { buildDocumentClient, tableName } from '#shared/kernel/store/dynamo';
import { buildCursorCodec } from '#shared/kernel/store/pagination';
import { buildOrderCatalog } from './dynamo-order-catalog.ts';
import { buildOrderStore } from './dynamo-order-store.ts';
import { paymentWindowSeconds } from './payment-window.ts';

/** The orders context's side effects, built once per container. */
export function ordersDeps() {
  const doc = buildDocumentClient();
  const table = tableName();
  return {
    orders: buildOrderStore(doc, table, buildCursorCodec()),
    catalog: buildOrderCatalog(doc, table),
    clock: systemClock,
    counter: emfCounter,
    paymentWindowSeconds: paymentWindowSeconds(process.env[EnvName.orderPaymentWindowSeconds]),
  };
}
