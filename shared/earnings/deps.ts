import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { buildParticipantDirectory } from '#shared/participants/dynamo-participant-directory';
import { systemClock } from '#shared/kernel/clock';
import { buildAccessLog } from '#shared/kernel/access-log/dynamo-access-log';
import { buildDocumentClient, tableName } from '#shared/kernel/store/dynamo';
import { buildCursorCodec } from '#shared/kernel/store/pagination';
import { buildEarningsLedger } from './dynamo-earnings-ledger.ts';
import { buildEarningsSources } from './dynamo-earnings-sources.ts';
import { buildPayoutStore } from './dynamo-payout-store.ts';

function ledgerDeps(doc: DynamoDBDocumentClient, table: string) {
  return {
    ledger: buildEarningsLedger(doc, table),
    sources: buildEarningsSources(doc, table, buildParticipantDirectory(doc, table)),
    clock: systemClock,
  };
}

/**
 * The earnings context's side effects, built once per container. Reading earnings, payouts or a statement shows
 * private data, so it records who looked; recording a payout needs the payout store but no access log.
 */
export function earningsDeps() {
  const doc = buildDocumentClient();
  const table = tableName();
  const cursors = buildCursorCodec();
  return { ...ledgerDeps(doc, table), payouts: buildPayoutStore(doc, table, cursors), accessLog: buildAccessLog(doc, table, cursors) };
}

/** Crediting and reversing show nothing to anyone: no access log, and so no cursor key either. */
export function earningsCreditDeps() {
  return ledgerDeps(buildDocumentClient(), tableName());
}
