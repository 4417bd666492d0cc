import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ParticipantDirectory } from '#shared/participants/ports';
import { groupKey, orderKey } from '#shared/kernel/store/keys';
import type { DeliveredOrder, EarningsSources } from './ports.ts';

/** Reads only what earnings needs: never an order's shipping address or a participant's private fields. */
export function buildEarningsSources(doc: DynamoDBDocumentClient, table: string, directory: ParticipantDirectory): EarningsSources {
  return {
    async order(orderId) {
      // Strong: OrderDelivered can arrive before an eventual read would see `delivered`, and the credit would be refused.
      const { Item } = await doc.send(
        new GetCommand({
          TableName: table,
          Key: orderKey(orderId),
          ConsistentRead: true,
          ProjectionExpression: 'id, groupId, #status, #items',
          ExpressionAttributeNames: { '#status': 'status', '#items': 'items' },
        }),
      );
      if (!Item) return undefined;
      const order = Item as DeliveredOrder;
      return {
        id: order.id,
        groupId: order.groupId,
        status: order.status,
        items: order.items.map(({ productId, participantId, subtotalIdr }) => ({ productId, participantId, subtotalIdr })),
      };
    },
    async sharePercentOf(groupId) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: groupKey(groupId), ProjectionExpression: 'participantSharePercent' }),
      );
      return Item?.participantSharePercent as number | undefined;
    },
    groupOf: (participantId) => directory.groupOf(participantId),
  };
}
