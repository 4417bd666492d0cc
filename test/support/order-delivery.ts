import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { localTable } from './dynamo.ts';

/**
 * Stands in for the order lifecycle routes (payment, shipment, delivery), which this branch does not
 * have yet: sets the order and its seller rows to `delivered` straight in DynamoDB Local. Replace its
 * callers with the real routes once they exist; it publishes no event.
 */
export async function markDeliveredInTable(orderId: string): Promise<void> {
  const { doc, table } = localTable();
  const rows = await doc.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: 'entity IN (:order, :seller)',
      ExpressionAttributeValues: { ':pk': `ORDER#${orderId}`, ':order': 'order', ':seller': 'order-seller' },
      ConsistentRead: true,
    }),
  );
  if (!rows.Items?.some((row) => row.sk === 'ORDER')) throw new Error(`No order ${orderId} in the table`);
  for (const row of rows.Items) {
    await doc.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: row.pk, sk: row.sk },
        UpdateExpression: 'SET #status = :delivered',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':delivered': 'delivered' },
      }),
    );
  }
}
