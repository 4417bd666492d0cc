import { httpHandler, RawBody } from '#shared/kernel/http/http-handler';
import { csvContentType } from '#shared/kernel/csv';
import { reportCsv } from '#shared/reports/csv';
import { reportsDeps } from '#shared/reports/deps';
import { getGroupReport } from '#shared/reports/reports';
import declaration from './function.ts';

export const buildHandler = (deps = reportsDeps()) =>
  httpHandler(declaration.trigger.route, async ({ caller, params, query }) => {
    const report = await getGroupReport(deps, caller, params.groupId, query);
    return query.format === 'csv' ? new RawBody(csvContentType, reportCsv(report)) : report;
  });

export const handler = buildHandler();
