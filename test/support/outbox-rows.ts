import { type DynamoDBDocumentClient, ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';

/**
 * The outbox rows of one event type that name an order. Outbox rows have no index (nothing in the
 * product reads them but the stream), so a test finds them with a filtered Scan of DynamoDB Local.
 */
export async function outboxRowsFor(doc: DynamoDBDocumentClient, table: string, detailType: string, orderId: string) {
  const rows: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await doc.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'entity = :outbox AND detailType = :type AND detail.#data.orderId = :order',
        ExpressionAttributeNames: { '#data': 'data' },
        ExpressionAttributeValues: { ':outbox': 'outbox', ':type': detailType, ':order': orderId },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    rows.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return rows;
}
