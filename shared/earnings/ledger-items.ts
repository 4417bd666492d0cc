import { ledgerLineKey, participantBalanceKey } from '#shared/kernel/store/keys';
import type { TransactItem } from '#shared/kernel/store/transaction';
import { sumIdr } from './money.ts';
import type { Balance, BalanceChange, LedgerLine } from './ports.ts';

/** Each month's net is an attribute of the balance item, so an opening balance is one GetItem, not all of history. */
const monthNetPrefix = 'net#';

/** What makes a line's key its own among the participant's lines of the same date and time. */
function refOf(line: LedgerLine): string {
  return line.kind === 'payout' ? `payout#${line.payoutId}` : `${line.kind}#${line.orderId}#${line.productId}`;
}

/**
 * A line as stored. `reversedWith` folds a reversal written in the same transaction into its credit's item (one item
 * instead of two), which keeps a credit that meets its earlier reversal within TransactWriteItems' 100 items.
 */
export function linePut(table: string, line: LedgerLine, reversedWith?: LedgerLine): TransactItem {
  return {
    Put: {
      TableName: table,
      Item: {
        ...ledgerLineKey(line.participantId, line.date, line.at, refOf(line)),
        entity: 'ledger-line',
        ...line,
        ...(reversedWith ? { reversal: { amountIdr: reversedWith.amountIdr, at: reversedWith.at } } : {}),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The lines a stored item stands for: one, or a credit and the reversal folded into it. */
export function linesOfItem(item: Record<string, unknown>): LedgerLine[] {
  const { kind, participantId, date, at, amountIdr, orderId, productId, payoutId } = item as unknown as LedgerLine;
  const line: LedgerLine = {
    kind,
    participantId,
    date,
    at,
    amountIdr,
    ...(orderId ? { orderId } : {}),
    ...(productId ? { productId } : {}),
    ...(payoutId ? { payoutId } : {}),
  };
  const reversal = item.reversal as { amountIdr: number; at: string } | undefined;
  return reversal ? [line, { ...line, kind: 'reversal', amountIdr: reversal.amountIdr, at: reversal.at }] : [line];
}

/**
 * Adds a change to the participant's running sums. `covering`: the payout's condition, that what is available
 * still covers what is paid out (a missing balance item covers nothing), so concurrent payouts never overdraw it.
 */
export function balanceUpdate(table: string, change: BalanceChange, at: string, covering = false): TransactItem {
  const availableIdr = sumIdr([change.creditedIdr, -change.reversedIdr, -change.paidOutIdr]);
  return {
    Update: {
      TableName: table,
      Key: participantBalanceKey(change.participantId),
      UpdateExpression:
        'ADD creditedIdr :credited, reversedIdr :reversed, paidOutIdr :paidOut, availableIdr :available, #month :available ' +
        'SET entity = :entity, participantId = :participantId, updatedAt = :at',
      ExpressionAttributeNames: { '#month': `${monthNetPrefix}${change.month}` },
      ExpressionAttributeValues: {
        ':credited': change.creditedIdr,
        ':reversed': change.reversedIdr,
        ':paidOut': change.paidOutIdr,
        ':available': availableIdr,
        ':entity': 'participant-balance',
        ':participantId': change.participantId,
        ':at': at,
      },
      ...(covering ? { ConditionExpression: 'availableIdr >= :paidOut' } : {}),
    },
  };
}

export function balanceOfItem(item: Record<string, unknown>): Balance {
  const monthNetIdr = Object.fromEntries(
    Object.entries(item)
      .filter(([name]) => name.startsWith(monthNetPrefix))
      .map(([name, value]) => [name.slice(monthNetPrefix.length), value as number]),
  );
  return {
    creditedIdr: item.creditedIdr as number,
    reversedIdr: item.reversedIdr as number,
    paidOutIdr: item.paidOutIdr as number,
    availableIdr: item.availableIdr as number,
    monthNetIdr,
  };
}
