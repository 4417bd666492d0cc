import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '#shared/kernel/store/dynamo';
import { failedConditions, failedOn, tagged, transactWrite } from '#shared/kernel/store/transaction';
import {
  ledgerLinePrefix,
  ledgerLineRange,
  orderEarningsGuardKey,
  orderKey,
  orderReversalKey,
  participantBalanceKey,
  participantPartition,
} from '#shared/kernel/store/keys';
import { outboxPut } from '#shared/kernel/store/outbox';
import { deliveredStatuses } from './earnings.ts';
import { balanceOfItem, balanceUpdate, linePut, linesOfItem } from './ledger-items.ts';
import { sumIdr } from './money.ts';
import type { CreditRecord, EarningsLedger, ItemShare, LedgerLine, OrderCredit } from './ports.ts';

/**
 * Redeliveries of one event arrive together and race on the guard: each lost race is retried until the
 * guard's condition answers "already credited". Many retries, because a loser only ever waits here.
 */
const ledgerAttempts = 10;

/** The reversal line of the same item, to fold into the credit's item. */
const reversalOfLine = (reversals: readonly LedgerLine[], credit: LedgerLine) =>
  reversals.find((line) => line.participantId === credit.participantId && line.productId === credit.productId);

export function buildEarningsLedger(doc: DynamoDBDocumentClient, table: string): EarningsLedger {
  /** The credit's transaction. `reversed`: the order's reversal marker exists, so the reversal is written with it. */
  const creditItems = (credit: OrderCredit, reversed: boolean) => {
    const { orderId, groupId, sharePercent, creditedAt, reversal } = credit;
    const changes = reversed ? credit.changes.map((change) => ({ ...change, reversedIdr: change.creditedIdr })) : credit.changes;
    return [
      tagged('guard', {
        Put: {
          TableName: table,
          Item: {
            ...orderEarningsGuardKey(orderId),
            entity: 'order-earnings',
            orderId,
            groupId,
            sharePercent,
            shares: credit.shares,
            participantsIdr: sumIdr(credit.shares.map((share) => share.amountIdr)),
            groupIdr: credit.groupIdr,
            creditedAt,
            ...(reversed ? { reversedAt: reversal.reversedAt } : {}),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      }),
      tagged('order', {
        // The order was read before; it must still be one that was delivered when the credit is written.
        ConditionCheck: {
          TableName: table,
          Key: orderKey(orderId),
          ConditionExpression: `#status IN (${deliveredStatuses.map((_, index) => `:status${index}`).join(', ')})`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: Object.fromEntries(deliveredStatuses.map((status, index) => [`:status${index}`, status])),
        },
      }),
      // Reversal markers are never deleted: once one exists, only its absence needs checking.
      ...(reversed
        ? []
        : [
            tagged('reversal', {
              ConditionCheck: { TableName: table, Key: orderReversalKey(orderId), ConditionExpression: 'attribute_not_exists(pk)' },
            }),
          ]),
      ...credit.lines.map((line) => tagged('line', linePut(table, line, reversed ? reversalOfLine(reversal.lines, line) : undefined))),
      ...changes.map((change) => tagged('balance', balanceUpdate(table, change, creditedAt))),
      ...credit.events.map((event) => tagged('event', outboxPut(table, event))),
      ...(reversed ? reversal.events.map((event) => tagged('event', outboxPut(table, event))) : []),
    ];
  };

  const write = async (items: ReturnType<typeof creditItems>) => {
    try {
      await transactWrite(doc, items, { attempts: ledgerAttempts });
      return 'written' as const;
    } catch (error) {
      const failed = failedConditions(error, items);
      if (failedOn(failed, 'guard')) return 'already-credited' as const;
      if (failedOn(failed, 'order')) return 'not-delivered' as const;
      if (failedOn(failed, 'reversal')) return 'reversed-meanwhile' as const;
      throw error;
    }
  };

  return {
    async credit(credit) {
      const plain = await write(creditItems(credit, false));
      if (plain === 'written') return 'credited';
      if (plain !== 'reversed-meanwhile') return plain;
      const together = await write(creditItems(credit, true));
      return together === 'written' ? 'credited-and-reversed' : (together as 'already-credited' | 'not-delivered');
    },

    async creditOf(orderId) {
      // Strong: the reversal must take back exactly what a credit written a moment before gave.
      const { Item } = await doc.send(
        new GetCommand({
          TableName: table,
          Key: orderEarningsGuardKey(orderId),
          ConsistentRead: true,
          ProjectionExpression: 'orderId, groupId, shares',
        }),
      );
      if (!Item) return undefined;
      const record = Item as CreditRecord;
      return {
        orderId: record.orderId,
        groupId: record.groupId,
        shares: record.shares.map(({ participantId, productId, amountIdr }: ItemShare) => ({ participantId, productId, amountIdr })),
      };
    },

    async reverse(reversal, credited) {
      const { orderId, groupId, reversedAt } = reversal;
      const items = [
        tagged('marker', {
          Put: {
            TableName: table,
            Item: { ...orderReversalKey(orderId), entity: 'order-earnings-reversal', orderId, groupId, reversedAt, afterCredit: credited },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
        tagged('credit', {
          ConditionCheck: {
            TableName: table,
            Key: orderEarningsGuardKey(orderId),
            ConditionExpression: credited ? 'attribute_exists(pk)' : 'attribute_not_exists(pk)',
          },
        }),
        ...reversal.lines.map((line) => tagged('line', linePut(table, line))),
        ...reversal.changes.map((change) => tagged('balance', balanceUpdate(table, change, reversedAt))),
        ...reversal.events.map((event) => tagged('event', outboxPut(table, event))),
      ];
      try {
        await transactWrite(doc, items, { attempts: ledgerAttempts });
        return credited ? 'reversed' : 'nothing-credited';
      } catch (error) {
        const failed = failedConditions(error, items);
        if (failedOn(failed, 'marker')) return 'already-reversed';
        if (failedOn(failed, 'credit')) return 'raced';
        throw error;
      }
    },

    async linesOf(participantId, range) {
      const { start, end } = range ? ledgerLineRange(range.from, range.to) : { start: ledgerLinePrefix, end: `${ledgerLinePrefix}~` };
      // Strong: a statement, the earnings view and the export must include a line written a moment before.
      const items = await queryAll(doc, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :start AND :end',
        ExpressionAttributeValues: { ':pk': participantPartition(participantId), ':start': start, ':end': end },
        ConsistentRead: true,
      });
      return items.flatMap(linesOfItem);
    },

    async balanceOf(participantId) {
      // Strong: an opening balance must agree with the lines read beside it.
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: participantBalanceKey(participantId), ConsistentRead: true }),
      );
      return Item ? balanceOfItem(Item) : undefined;
    },
  };
}
