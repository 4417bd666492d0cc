import { earningsDeps } from '#shared/earnings/deps';
import { getStatement, statementCsv } from '#shared/earnings/statement';
import { csvContentType } from '#shared/kernel/csv';
import { httpHandler, RawBody } from '#shared/kernel/http/http-handler';
import declaration from './function.ts';

export const buildHandler = (deps = earningsDeps()) =>
  httpHandler(declaration.trigger.route, async ({ caller, params, query }) => {
    const statement = await getStatement(deps, caller, params.participantId, query);
    return query.format === 'csv' ? new RawBody(csvContentType, statementCsv(statement)) : statement;
  });

export const handler = buildHandler();
