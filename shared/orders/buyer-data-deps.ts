import { systemClock } from '#shared/kernel/clock';
import { buildDocumentClient, tableName } from '#shared/kernel/store/dynamo';
import { buildBuyerDataStore } from './dynamo-buyer-data-store.ts';

/** The buyer-data sweeper's side effects: the due partition and the orders in it, and the clock. */
export function ordersBuyerDataDeps() {
  return { buyerData: buildBuyerDataStore(buildDocumentClient(), tableName()), clock: systemClock };
}
