import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '#shared/kernel/store/dynamo';
import { productKey } from '#shared/kernel/store/keys';
import type { OrderableProduct, OrderCatalog } from './ports.ts';

/**
 * Reads only what an order copies or checks. Strong: the placement's conditions require the price and stock read
 * here, so a stale read would refuse a good order (or name an old price) after a product was just repriced.
 */
export function buildOrderCatalog(doc: DynamoDBDocumentClient, table: string): OrderCatalog {
  return {
    async products(productIds) {
      const found = await batchGetAll(doc, table, productIds.map(productKey), {
        ConsistentRead: true,
        ProjectionExpression: 'id, participantId, groupId, title, priceIdr, stock, #status',
        ExpressionAttributeNames: { '#status': 'status' },
      });
      return found as unknown as OrderableProduct[];
    },
  };
}
