import { systemClock } from '#shared/kernel/clock';
import { buildAccessLog } from '#shared/kernel/access-log/dynamo-access-log';
import { buildDocumentClient, tableName } from '#shared/kernel/store/dynamo';
import { buildCursorCodec } from '#shared/kernel/store/pagination';
import { buildArtisanStore } from './dynamo-artisan-store.ts';
import { buildGroupStore } from './dynamo-group-store.ts';
import { buildParticipantStore } from './dynamo-participant-store.ts';

/** The participants context's side effects, built once per container. */
export function participantsDeps() {
  const doc = buildDocumentClient();
  const table = tableName();
  const cursors = buildCursorCodec();
  return {
    groups: buildGroupStore(doc, table, cursors),
    participants: buildParticipantStore(doc, table, cursors),
    accessLog: buildAccessLog(doc, table, cursors),
    clock: systemClock,
  };
}

/** The public artisan page's only side effect: a projected read its grant is limited to (artisanAttributes). */
export function artisanDeps() {
  return { artisans: buildArtisanStore(buildDocumentClient(), tableName()) };
}
