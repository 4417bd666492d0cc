import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '#shared/kernel/store/dynamo';
import { failedConditions, failedOn, tagged, transactWrite } from '#shared/kernel/store/transaction';
import { earningEntryKey, earningEntryPrefix, orderEarningsGuardKey, orderKey, participantEarningsKey } from '#shared/kernel/store/keys';
import { outboxPut } from '#shared/kernel/store/outbox';
import { sumIdr } from './money.ts';
import type { EarningsLedger } from './ports.ts';
import type { EarningEntry } from './schemas.ts';

/**
 * Redeliveries of one event arrive together and race on the guard: each lost race is retried until the
 * guard's condition answers "already credited". Many retries, because a loser only ever waits here.
 */
const creditAttempts = 10;

export function buildEarningsLedger(doc: DynamoDBDocumentClient, table: string): EarningsLedger {
  return {
    async credit(credit) {
      const { orderId, groupId, sharePercent, creditedAt, groupIdr } = credit;
      const items = [
        tagged('guard', {
          Put: {
            TableName: table,
            Item: {
              ...orderEarningsGuardKey(orderId),
              entity: 'order-earnings',
              orderId,
              groupId,
              sharePercent,
              participantsIdr: sumIdr(credit.participants.map((participant) => participant.amountIdr)),
              groupIdr,
              creditedAt,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
        tagged('order', {
          // The order was read before; it must still be delivered when the credit is written.
          ConditionCheck: {
            TableName: table,
            Key: orderKey(orderId),
            ConditionExpression: '#status = :delivered',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':delivered': 'delivered' },
          },
        }),
        ...credit.entries.map((entry) =>
          tagged('entry', {
            Put: {
              TableName: table,
              Item: {
                ...earningEntryKey(entry.participantId, entry.orderId, entry.productId),
                entity: 'earning',
                participantId: entry.participantId,
                orderId: entry.orderId,
                productId: entry.productId,
                subtotalIdr: entry.subtotalIdr,
                sharePercent,
                amountIdr: entry.amountIdr,
                creditedAt: entry.creditedAt,
              },
            },
          }),
        ),
        ...credit.participants.map(({ participantId, amountIdr }) =>
          tagged('total', {
            Update: {
              TableName: table,
              Key: participantEarningsKey(participantId),
              UpdateExpression: 'ADD totalIdr :amount SET entity = :entity, participantId = :participantId, updatedAt = :at',
              ExpressionAttributeValues: {
                ':amount': amountIdr,
                ':entity': 'participant-earnings',
                ':participantId': participantId,
                ':at': creditedAt,
              },
            },
          }),
        ),
        ...credit.events.map((event) => tagged('event', outboxPut(table, event))),
      ];
      try {
        await transactWrite(doc, items, { attempts: creditAttempts });
        return 'credited';
      } catch (error) {
        const failed = failedConditions(error, items);
        if (failedOn(failed, 'guard')) return 'already-credited';
        if (failedOn(failed, 'order')) return 'not-delivered';
        throw error;
      }
    },
    async entriesOf(participantId) {
      // Strong: a participant's statement and export must include a credit written a moment before.
      const entries = (await queryAll(doc, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': participantEarningsKey(participantId).pk, ':prefix': earningEntryPrefix },
        ProjectionExpression: 'orderId, productId, amountIdr, creditedAt',
        ConsistentRead: true,
      })) as EarningEntry[];
      return entries.map(({ orderId, productId, amountIdr, creditedAt }) => ({ orderId, productId, amountIdr, creditedAt }));
    },
  };
}
