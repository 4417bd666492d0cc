import { balanceIdr, sumIdr } from './money.ts';
import type { BalanceChange, LedgerLine } from './ports.ts';
import type { EarningEntry, EarningsSummary } from './schemas.ts';

/** The UTC date of an ISO time. */
export const dateOf = (at: string) => at.slice(0, 10);
export const monthOf = (date: string) => date.slice(0, 7);

/** Per participant, what these lines (all of one date) add to their running sums. */
export function changesOf(lines: readonly LedgerLine[]): BalanceChange[] {
  const participantIds = [...new Set(lines.map((line) => line.participantId))];
  return participantIds.map((participantId) => {
    const own = lines.filter((line) => line.participantId === participantId);
    const sumOf = (kind: LedgerLine['kind']) => sumIdr(own.filter((line) => line.kind === kind).map((line) => Math.abs(line.amountIdr)));
    return {
      participantId,
      month: monthOf((own[0] as LedgerLine).date),
      creditedIdr: sumOf('credit'),
      reversedIdr: sumOf('reversal'),
      paidOutIdr: sumOf('payout'),
    };
  });
}

/** Newest first; a credit and its reversal written together show the reversal first, as it came last. */
const newestFirst = (a: LedgerLine, b: LedgerLine) =>
  b.at.localeCompare(a.at) ||
  (b.orderId ?? '').localeCompare(a.orderId ?? '') ||
  (b.productId ?? '').localeCompare(a.productId ?? '') ||
  (a.kind === 'reversal' ? -1 : 0) - (b.kind === 'reversal' ? -1 : 0);

/** A participant's figures from every line they have: the answer always adds up, even while a write is under way. */
export function summaryOf(lines: readonly LedgerLine[]): EarningsSummary {
  const sumOf = (kind: LedgerLine['kind']) => sumIdr(lines.filter((line) => line.kind === kind).map((line) => Math.abs(line.amountIdr)));
  const creditedIdr = sumOf('credit');
  const reversedIdr = sumOf('reversal');
  const paidOutIdr = sumOf('payout');
  const totalIdr = sumIdr([creditedIdr, -reversedIdr]);
  const entries = lines
    .filter((line) => line.kind !== 'payout')
    .sort(newestFirst)
    .map((line): EarningEntry => ({
      kind: line.kind as EarningEntry['kind'],
      orderId: line.orderId as string,
      productId: line.productId as string,
      amountIdr: line.amountIdr,
      creditedAt: line.at,
    }));
  return { totalIdr, creditedIdr, reversedIdr, paidOutIdr, balanceIdr: balanceIdr(totalIdr, paidOutIdr), entries };
}
