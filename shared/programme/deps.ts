import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { buildAccessLog } from '#shared/kernel/access-log/dynamo-access-log';
import { systemClock } from '#shared/kernel/clock';
import { buildDocumentClient, tableName } from '#shared/kernel/store/dynamo';
import { buildCursorCodec, type CursorCodec } from '#shared/kernel/store/pagination';
import { buildFollowUpStore } from './dynamo-follow-up-store.ts';
import { buildMentoringStore } from './dynamo-mentoring-store.ts';
import { buildPlacementStore } from './dynamo-placement-store.ts';
import { buildProgrammeSources } from './dynamo-programme-sources.ts';

function storesOf(doc: DynamoDBDocumentClient, table: string, cursors: CursorCodec) {
  return {
    mentoring: buildMentoringStore(doc, table, cursors),
    placements: buildPlacementStore(doc, table, cursors),
    followUps: buildFollowUpStore(doc, table, cursors),
    sources: buildProgrammeSources(doc, table),
    clock: systemClock,
  };
}

/**
 * The programme context's side effects, built once per container. Reading sessions, placements or follow-ups shows
 * private data, so the lists record who looked; the writes need no access log (and no cursor key: the codec reads it on use).
 */
export function programmeDeps() {
  const doc = buildDocumentClient();
  const table = tableName();
  const cursors = buildCursorCodec();
  return { ...storesOf(doc, table, cursors), accessLog: buildAccessLog(doc, table, cursors) };
}

export function programmeWriteDeps() {
  return storesOf(buildDocumentClient(), tableName(), buildCursorCodec());
}
