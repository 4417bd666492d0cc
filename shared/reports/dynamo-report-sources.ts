import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ParticipantDirectory } from '#shared/participants/ports';
import { batchGetAll } from '#shared/kernel/store/dynamo';
import { followUpKey, orderKey, productKey } from '#shared/kernel/store/keys';
import type { DeliveredOrder, ReportSources } from './ports.ts';

/** Reads of other contexts' records, each projecting only the ids and figures a report needs: no personal data. */
export function buildReportSources(doc: DynamoDBDocumentClient, table: string, directory: ParticipantDirectory): ReportSources {
  return {
    participantGroup: (participantId) => directory.groupOf(participantId),
    async order(orderId) {
      // Strong: OrderDelivered can arrive moments after the order was written; an eventual read may not find it yet.
      const { Item } = await doc.send(
        new GetCommand({
          TableName: table,
          Key: orderKey(orderId),
          ConsistentRead: true,
          ProjectionExpression: 'groupId, totalIdr, #items',
          ExpressionAttributeNames: { '#items': 'items' },
        }),
      );
      if (!Item) return undefined;
      const order = Item as DeliveredOrder;
      return {
        groupId: order.groupId,
        totalIdr: order.totalIdr,
        items: order.items.map(({ productId, participantId, quantity }) => ({ productId, participantId, quantity })),
      };
    },
    async productGrams(productIds) {
      const grams = new Map<string, number>();
      for (const item of await batchGetAll(doc, table, productIds.map(productKey), { ProjectionExpression: 'id, materials' })) {
        const materials = (item.materials ?? []) as { grams: number }[];
        grams.set(
          item.id as string,
          materials.reduce((sum, material) => sum + material.grams, 0),
        );
      }
      return grams;
    },
    async followUpWorking(participantId, enrollmentId, monthsAfter) {
      const { Item } = await doc.send(
        new GetCommand({
          TableName: table,
          Key: followUpKey(participantId, enrollmentId, monthsAfter),
          // Strong: FollowUpRecorded can arrive moments after its record was written. Only the one code the report needs.
          ConsistentRead: true,
          ProjectionExpression: 'id, working',
        }),
      );
      if (typeof Item?.id !== 'string') return undefined;
      return Item.working === 'employed' || Item.working === 'self_employed';
    },
  };
}
