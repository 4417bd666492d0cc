import { systemClock } from '#shared/kernel/clock';
import { buildParticipantDirectory } from '#shared/participants/dynamo-participant-directory';
import { buildAccessLog } from '#shared/kernel/access-log/dynamo-access-log';
import { buildDocumentClient, tableName } from '#shared/kernel/store/dynamo';
import { buildCursorCodec } from '#shared/kernel/store/pagination';
import { buildEnrollmentStore } from './dynamo-enrollment-store.ts';
import { buildProgramStore } from './dynamo-program-store.ts';

/** The training context's side effects, built once per container. */
export function trainingDeps() {
  const doc = buildDocumentClient();
  const table = tableName();
  const cursors = buildCursorCodec();
  return {
    programs: buildProgramStore(doc, table, cursors),
    enrollments: buildEnrollmentStore(doc, table, cursors),
    directory: buildParticipantDirectory(doc, table),
    accessLog: buildAccessLog(doc, table, cursors),
    clock: systemClock,
  };
}
