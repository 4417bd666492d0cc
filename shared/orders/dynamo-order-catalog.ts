import { BatchGetCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { productKey } from '#shared/store/keys';
import type { OrderableProduct, OrderCatalog } from './ports.ts';

/** Reads only what an order copies or checks; strongly consistent, so a price just changed is the price charged. */
export function buildOrderCatalog(doc: DynamoDBDocumentClient, table: string): OrderCatalog {
  return {
    async products(productIds) {
      const found: OrderableProduct[] = [];
      let keys: Record<string, unknown>[] | undefined = productIds.map(productKey);
      for (let attempt = 0; keys && keys.length > 0; attempt += 1) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
        const { Responses, UnprocessedKeys }: BatchGetCommandOutput = await doc.send(
          new BatchGetCommand({
            RequestItems: {
              [table]: {
                Keys: keys,
                ConsistentRead: true,
                ProjectionExpression: 'id, participantId, groupId, title, priceIdr, stock, #status',
                ExpressionAttributeNames: { '#status': 'status' },
              },
            },
          }),
        );
        found.push(...((Responses?.[table] ?? []) as OrderableProduct[]));
        keys = UnprocessedKeys?.[table]?.Keys;
      }
      return found;
    },
  };
}
