import type { Caller } from '#shared/kernel/auth/caller';
import { type AccessLogDeps, recordAccess } from '#shared/kernel/access-log/access-log';
import { csvText } from '#shared/kernel/csv';
import { InvalidInputError } from '#shared/kernel/errors';
import { groupIfVisible } from './earnings.ts';
import { monthOf } from './ledger-lines.ts';
import { sumIdr } from './money.ts';
import type { EarningsLedger, EarningsSources, LedgerLine } from './ports.ts';
import type { Statement, StatementLine, StatementQuery } from './schemas.ts';

export interface StatementDeps extends AccessLogDeps {
  ledger: EarningsLedger;
  sources: Pick<EarningsSources, 'groupOf'>;
}

/** Five years, leap days included, as for reports: one statement's Query stays bounded. */
export const maxStatementDays = 5 * 365 + 2;

const dayMs = 24 * 60 * 60 * 1000;
const timeOf = (date: string) => Date.parse(`${date}T00:00:00.000Z`);

function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

/** `from`/`to` as asked, each defaulting to the current UTC month's edge; 400 when reversed or too long. */
export function statementRange(query: Pick<StatementQuery, 'from' | 'to'>, now: Date): { from: string; to: string } {
  const month = now.toISOString().slice(0, 7);
  const range = { from: query.from ?? `${month}-01`, to: query.to ?? lastDayOfMonth(month) };
  if (range.from > range.to)
    throw new InvalidInputError('The range ends before it starts', [{ path: 'query.to', message: 'Must not be before from' }]);
  if ((timeOf(range.to) - timeOf(range.from)) / dayMs + 1 > maxStatementDays)
    throw new InvalidInputError(`A statement covers at most ${maxStatementDays} days`, [
      { path: 'query.to', message: `Must be at most ${maxStatementDays} days from from, inclusive` },
    ]);
  return range;
}

const toStatementLine = (line: LedgerLine): StatementLine => ({
  date: line.date,
  kind: line.kind,
  ...(line.orderId ? { orderId: line.orderId } : {}),
  ...(line.payoutId ? { payoutId: line.payoutId } : {}),
  amountIdr: line.amountIdr,
});

/**
 * The lines dated within the range, oldest first, between an opening and a closing balance. The opening balance is
 * the balance item's net of every month before `from`'s month plus the lines of that month before `from`: one
 * GetItem and one Query, however long the participant's history.
 */
export async function getStatement(deps: StatementDeps, caller: Caller, participantId: string, query: StatementQuery): Promise<Statement> {
  await groupIfVisible(deps.sources, caller, participantId);
  const range = statementRange(query, deps.clock.now());
  await recordAccess(deps, caller, 'statement.read', [participantId]);
  const [balance, lines] = await Promise.all([
    deps.ledger.balanceOf(participantId),
    deps.ledger.linesOf(participantId, { from: `${monthOf(range.from)}-01`, to: range.to }),
  ]);
  const earlierMonths = Object.entries(balance?.monthNetIdr ?? {})
    .filter(([month]) => month < monthOf(range.from))
    .map(([, net]) => net);
  const before = lines.filter((line) => line.date < range.from).map((line) => line.amountIdr);
  const within = lines.filter((line) => line.date >= range.from).map(toStatementLine);
  const openingBalanceIdr = sumIdr([...earlierMonths, ...before]);
  return {
    participantId,
    from: range.from,
    to: range.to,
    openingBalanceIdr,
    lines: within,
    closingBalanceIdr: sumIdr([openingBalanceIdr, ...within.map((line) => line.amountIdr)]),
  };
}

export const statementCsvColumns = ['date', 'kind', 'orderId', 'payoutId', 'amountIdr'] as const;

/** The statement's lines, a header row first; the figures around them are in the JSON answer. */
export function statementCsv(statement: Statement): string {
  return csvText([statementCsvColumns, ...statement.lines.map((line) => statementCsvColumns.map((column) => line[column]))]);
}
