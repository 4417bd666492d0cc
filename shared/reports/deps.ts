import { systemClock } from '#shared/kernel/clock';
import { buildParticipantDirectory } from '#shared/participants/dynamo-participant-directory';
import { buildDocumentClient, tableName } from '#shared/kernel/store/dynamo';
import { buildReportSources } from './dynamo-report-sources.ts';
import { buildReportStore } from './dynamo-report-store.ts';

/** The reports context's side effects, built once per container. */
export function reportsDeps() {
  const doc = buildDocumentClient();
  const table = tableName();
  return {
    reports: buildReportStore(doc, table),
    sources: buildReportSources(doc, table, buildParticipantDirectory(doc, table)),
    clock: systemClock,
  };
}
