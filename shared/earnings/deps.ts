import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { buildParticipantDirectory } from '#shared/participants/dynamo-participant-directory';
import { systemClock } from '#shared/kernel/clock';
import { buildAccessLog } from '#shared/kernel/access-log/dynamo-access-log';
import { buildDocumentClient, tableName } from '#shared/kernel/store/dynamo';
import { buildCursorCodec } from '#shared/kernel/store/pagination';
import { buildEarningsLedger } from './dynamo-earnings-ledger.ts';
import { buildEarningsSources } from './dynamo-earnings-sources.ts';

function ledgerDeps(doc: DynamoDBDocumentClient, table: string) {
  return {
    ledger: buildEarningsLedger(doc, table),
    sources: buildEarningsSources(doc, table, buildParticipantDirectory(doc, table)),
    clock: systemClock,
  };
}

/** The earnings context's side effects, built once per container. */
export function earningsDeps() {
  return ledgerDeps(buildDocumentClient(), tableName());
}

/** Reading earnings shows private data, so the reader also records who looked. */
export function earningsReadDeps() {
  const doc = buildDocumentClient();
  const table = tableName();
  return { ...ledgerDeps(doc, table), accessLog: buildAccessLog(doc, table, buildCursorCodec()) };
}
