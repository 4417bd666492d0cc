import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '#shared/kernel/store/dynamo';
import { failedConditions, tagged, transactWrite } from '#shared/kernel/store/transaction';
import { webhookDeliveryKey, webhookDeliveryPrefix, webhookKey } from '#shared/kernel/store/keys';
import { type CursorCodec, queryPage } from '#shared/kernel/store/pagination';
import { subscriptionDelete } from './dynamo-webhook-store.ts';
import type { AttemptRecord, DeliveryStore, StoredDelivery } from './ports.ts';
import type { Delivery } from './schemas.ts';

/** Long past the schedule's 81 hours, so the log can be read and a delivery retried by hand; then TTL removes it. */
export const deliveryRetentionSeconds = 30 * 24 * 60 * 60;

function toDelivery(item: Record<string, unknown>): Delivery {
  const d = item as unknown as Delivery;
  return {
    messageId: d.messageId,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode ?? null,
    lastAttemptAt: d.lastAttemptAt ?? null,
    nextAttemptAt: d.nextAttemptAt ?? null,
  };
}

function toStoredDelivery(item: Record<string, unknown>): StoredDelivery {
  const d = item as unknown as StoredDelivery;
  return {
    ...toDelivery(item),
    webhookId: d.webhookId,
    createdAt: d.createdAt,
    payload: d.payload,
    createdBy: d.createdBy,
    ...(d.recordedBy ? { recordedBy: d.recordedBy } : {}),
  };
}

export function buildDeliveryStore(doc: DynamoDBDocumentClient, table: string, cursors: CursorCodec): DeliveryStore {
  // Strong: an attempt and a manual retry condition their writes on the attempts count read here.
  const get = async (webhookId: string, messageId: string) => {
    const { Item } = await doc.send(
      new GetCommand({ TableName: table, Key: webhookDeliveryKey(webhookId, messageId), ConsistentRead: true }),
    );
    return Item ? toStoredDelivery(Item) : undefined;
  };

  const attemptUpdate = (webhookId: string, messageId: string, expectedAttempts: number, result: AttemptRecord) => ({
    TableName: table,
    Key: webhookDeliveryKey(webhookId, messageId),
    UpdateExpression:
      'SET #status = :status, attempts = :attempts, lastStatusCode = :code, lastAttemptAt = :at, nextAttemptAt = :next, recordedBy = :by',
    ConditionExpression: 'attempts = :expected AND #status = :pending',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':status': result.status,
      ':attempts': result.attempts,
      ':code': result.lastStatusCode,
      ':at': result.lastAttemptAt,
      ':next': result.nextAttemptAt,
      ':by': result.recordedBy,
      ':expected': expectedAttempts,
      ':pending': 'pending',
    },
  });

  return {
    async create(delivery) {
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: {
              ...webhookDeliveryKey(delivery.webhookId, delivery.messageId),
              entity: 'webhook-delivery',
              ...delivery,
              expiresAt: Math.floor(Date.parse(delivery.createdAt) / 1000) + deliveryRetentionSeconds,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return { created: true };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const existing = await get(delivery.webhookId, delivery.messageId);
        if (!existing) throw error;
        return { created: false, existing };
      }
    },
    get,
    async list(webhookId, page) {
      const result = await queryPage(
        doc,
        {
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': webhookKey(webhookId).pk, ':prefix': webhookDeliveryPrefix },
          ScanIndexForward: false,
        },
        page,
        cursors,
      );
      return { items: result.items.map(toDelivery), nextCursor: result.nextCursor };
    },
    async record(webhookId, messageId, expectedAttempts, result, disable) {
      const update = attemptUpdate(webhookId, messageId, expectedAttempts, result);
      if (!disable) {
        try {
          await doc.send(new UpdateCommand(update));
          return true;
        } catch (error) {
          if (isConditionFailure(error)) return false;
          throw error;
        }
      }
      const items = [
        tagged('delivery', { Update: update }),
        tagged('webhook', {
          Update: {
            TableName: table,
            Key: webhookKey(webhookId),
            UpdateExpression: 'SET #status = :disabled',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':disabled': 'disabled' },
          },
        }),
        ...disable.eventTypes.map((eventType) => tagged('subscription', subscriptionDelete(table, webhookId, eventType))),
      ];
      try {
        await transactWrite(doc, items);
        return true;
      } catch (error) {
        // The attempt was recorded meanwhile, or the webhook is gone: either way this attempt is not the one recorded.
        if ((failedConditions(error, items)?.length ?? 0) > 0) return false;
        throw error;
      }
    },
    async reschedule(webhookId, messageId, seenAttempts, nextAttemptAt) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: webhookDeliveryKey(webhookId, messageId),
            UpdateExpression: 'SET #status = :pending, nextAttemptAt = :next',
            ConditionExpression: 'attribute_exists(pk) AND attempts = :seen',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pending': 'pending', ':next': nextAttemptAt, ':seen': seenAttempts },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
}
