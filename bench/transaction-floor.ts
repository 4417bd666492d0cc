import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';

/** Items in a placement's transaction: key claim, order, seller row, stock decrement, outbox row. */
export const placementItems = 5;

/**
 * What DynamoDB Local itself takes for a placement-sized transaction (five new items, no conditions, none of our
 * code around it): the floor under POST /orders on this machine, run at the route's concurrency by the HTTP bench.
 */
export function bareTransaction(doc: DynamoDBDocumentClient, tableName: string): () => Promise<unknown> {
  const run = randomUUID();
  let n = 0;
  return () => {
    const id = n++;
    return doc.send(
      new TransactWriteCommand({
        TransactItems: Array.from({ length: placementItems }, (_, item) => ({
          Put: { TableName: tableName, Item: { pk: `BENCH#${run}#${id}#${item}`, sk: 'BENCH', filler: 'x'.repeat(500) } },
        })),
      }),
    );
  };
}
