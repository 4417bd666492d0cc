import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '#shared/kernel/store/dynamo';
import { participantPartition, payoutClaimKey, payoutKey, payoutPrefix } from '#shared/kernel/store/keys';
import { outboxPut } from '#shared/kernel/store/outbox';
import { type CursorCodec, queryPage } from '#shared/kernel/store/pagination';
import { failedConditions, failedOn, tagged, transactWrite } from '#shared/kernel/store/transaction';
import { balanceUpdate, linePut } from './ledger-items.ts';
import type { PayoutStore } from './ports.ts';
import type { Payout } from './schemas.ts';

/** Payouts of one participant race on their balance item; each lost race is retried, so one fails only for its balance. */
const payoutAttempts = 12;

function toPayout(item: Record<string, unknown>): Payout {
  const p = item as Payout;
  return {
    id: p.id,
    participantId: p.participantId,
    groupId: p.groupId,
    amountIdr: p.amountIdr,
    method: p.method,
    reference: p.reference,
    paidOn: p.paidOn,
    recordedBy: p.recordedBy,
    createdAt: p.createdAt,
  };
}

const partitionQuery = (table: string, participantId: string) => ({
  TableName: table,
  KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
  ExpressionAttributeValues: { ':pk': participantPartition(participantId), ':prefix': payoutPrefix },
  ScanIndexForward: false,
});

export function buildPayoutStore(doc: DynamoDBDocumentClient, table: string, cursors: CursorCodec): PayoutStore {
  return {
    async record({ payout, claim, line, change, event }) {
      const items = [
        tagged('claim', {
          Put: {
            TableName: table,
            Item: {
              ...payoutClaimKey(claim.sub, claim.key),
              entity: 'payout-idempotency',
              bodyHash: claim.bodyHash,
              expiresAt: claim.expiresAt,
              participantId: payout.participantId,
              payoutId: payout.id,
            },
            // A claim past its 24 hours may still be in the table until TTL removes it: it no longer counts.
            ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
            ExpressionAttributeValues: { ':now': Math.floor(Date.parse(payout.createdAt) / 1000) },
          },
        }),
        tagged('payout', {
          Put: {
            TableName: table,
            Item: { ...payoutKey(payout.participantId, payout.id), entity: 'payout', ...payout },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
        tagged('line', linePut(table, line)),
        tagged('balance', balanceUpdate(table, change, payout.createdAt, true)),
        tagged('event', outboxPut(table, event)),
      ];
      try {
        await transactWrite(doc, items, { attempts: payoutAttempts });
        return 'recorded';
      } catch (error) {
        const failed = failedConditions(error, items);
        if (failedOn(failed, 'claim')) return 'key-taken';
        if (failedOn(failed, 'balance')) return 'insufficient-balance';
        throw error;
      }
    },
    async claimOf(sub, key, nowSeconds) {
      // Strong: a client's retry can follow its first request within milliseconds, and must find that claim.
      const { Item } = await doc.send(
        new GetCommand({
          TableName: table,
          Key: payoutClaimKey(sub, key),
          ConsistentRead: true,
          ProjectionExpression: 'bodyHash, participantId, payoutId, expiresAt',
        }),
      );
      if (!Item || (Item.expiresAt as number) < nowSeconds) return undefined;
      return { bodyHash: Item.bodyHash as string, participantId: Item.participantId as string, payoutId: Item.payoutId as string };
    },
    async get(participantId, payoutId) {
      // Strong: a replayed request reads the payout its first attempt wrote a moment before.
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: payoutKey(participantId, payoutId), ConsistentRead: true }));
      return Item ? toPayout(Item) : undefined;
    },
    async list(participantId, page) {
      const found = await queryPage(doc, partitionQuery(table, participantId), page, cursors);
      return { items: found.items.map(toPayout), nextCursor: found.nextCursor };
    },
    async allOf(participantId) {
      // Strong: the export must find a payout recorded a moment before.
      return (await queryAll(doc, { ...partitionQuery(table, participantId), ConsistentRead: true })).map(toPayout);
    },
  };
}
