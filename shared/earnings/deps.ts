import { systemClock } from '#shared/clock';
import { buildDocumentClient, tableName } from '#shared/store/dynamo';
import { buildEarningsLedger } from './dynamo-earnings-ledger.ts';
import { buildEarningsSources } from './dynamo-earnings-sources.ts';

/** The earnings context's side effects, built once per container. */
export function earningsDeps() {
  const doc = buildDocumentClient();
  const table = tableName();
  return { ledger: buildEarningsLedger(doc, table), sources: buildEarningsSources(doc, table), clock: systemClock };
}
