import { type DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '#shared/kernel/store/dynamo';
import { failedConditions, failedOn, tagged, transactWrite } from '#shared/kernel/store/transaction';
import { allWebhooks, indexKeys, indexQuery, webhookKey, webhookSubscribers, webhookSubscriptionKey } from '#shared/kernel/store/keys';
import { type CursorCodec, queryPage } from '#shared/kernel/store/pagination';
import type { StoredWebhook, WebhookStore } from './ports.ts';

export function toStoredWebhook(item: Record<string, unknown>): StoredWebhook {
  const w = item as unknown as StoredWebhook;
  return {
    id: w.id,
    url: w.url,
    eventTypes: w.eventTypes,
    status: w.status,
    description: w.description ?? null,
    createdAt: w.createdAt,
    secret: w.secret,
    ...(w.previousSecret ? { previousSecret: w.previousSecret, previousSecretExpiresAt: w.previousSecretExpiresAt } : {}),
  };
}

/** The subscription rows exist while the webhook is enabled: fan-out finds exactly the webhooks that take deliveries. */
export function subscriptionPut(table: string, webhookId: string, eventType: string) {
  return {
    Put: {
      TableName: table,
      Item: {
        ...webhookSubscriptionKey(webhookId, eventType),
        entity: 'webhook-subscription',
        webhookId,
        eventType,
        ...indexKeys(webhookSubscribers(eventType), webhookId),
      },
    },
  };
}

export const subscriptionDelete = (table: string, webhookId: string, eventType: string) => ({
  Delete: { TableName: table, Key: webhookSubscriptionKey(webhookId, eventType) },
});

export function buildWebhookStore(doc: DynamoDBDocumentClient, table: string, cursors: CursorCodec): WebhookStore {
  // Strong: removal deletes the subscriptions of the event types read here, and an attempt signs with the secret
  // a rotation may have just replaced.
  const get = async (webhookId: string) => {
    const { Item } = await doc.send(new GetCommand({ TableName: table, Key: webhookKey(webhookId), ConsistentRead: true }));
    return Item ? toStoredWebhook(Item) : undefined;
  };
  return {
    async create(webhook) {
      await transactWrite(doc, [
        tagged('webhook', {
          Put: {
            TableName: table,
            Item: { ...webhookKey(webhook.id), entity: 'webhook', ...webhook, ...indexKeys(allWebhooks(), webhook.id) },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
        ...webhook.eventTypes.map((eventType) => tagged('subscription', subscriptionPut(table, webhook.id, eventType))),
      ]);
    },
    get,
    async list(page) {
      const result = await queryPage(
        doc,
        {
          TableName: table,
          ...indexQuery(allWebhooks()),
          ScanIndexForward: false,
        },
        page,
        cursors,
      );
      return { items: result.items.map(toStoredWebhook), nextCursor: result.nextCursor };
    },
    async remove(webhookId) {
      const webhook = await get(webhookId);
      if (!webhook) return false;
      const items = [
        tagged('webhook', { Delete: { TableName: table, Key: webhookKey(webhookId), ConditionExpression: 'attribute_exists(pk)' } }),
        ...webhook.eventTypes.map((eventType) => tagged('subscription', subscriptionDelete(table, webhookId, eventType))),
      ];
      try {
        await transactWrite(doc, items);
        return true;
      } catch (error) {
        if (failedOn(failedConditions(error, items), 'webhook')) return false;
        throw error;
      }
    },
    async rotateSecret(webhookId, secret, previousSecretExpiresAt) {
      try {
        // Both sides of a SET read the item as it was: the old secret becomes the previous one.
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: webhookKey(webhookId),
            UpdateExpression: 'SET previousSecret = secret, previousSecretExpiresAt = :expires, secret = :secret',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':secret': secret, ':expires': previousSecretExpiresAt },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
    async subscribers(eventType) {
      const ids: string[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const result = await doc.send(
          new QueryCommand({
            TableName: table,
            ...indexQuery(webhookSubscribers(eventType)),
            ProjectionExpression: 'webhookId',
            ExclusiveStartKey: startKey,
          }),
        );
        ids.push(...(result.Items ?? []).map((item) => item.webhookId as string));
        startKey = result.LastEvaluatedKey;
      } while (startKey);
      return ids;
    },
  };
}
