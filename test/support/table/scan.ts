import { type DynamoDBDocumentClient, ScanCommand, type ScanCommandInput, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';

type Filter = Pick<ScanCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;

/**
 * Every item of the table (that passes the filter), all pages of it. Only tests Scan, and only DynamoDB Local: no
 * route does, and some rows (the outbox) have no index. Consistent, so a test reads what it has just written.
 */
export async function scanTable(doc: DynamoDBDocumentClient, table: string, filter: Filter = {}): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: ScanCommandOutput['LastEvaluatedKey'];
  do {
    const page: ScanCommandOutput = await doc.send(
      new ScanCommand({ TableName: table, ...filter, ConsistentRead: true, ExclusiveStartKey: startKey }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
