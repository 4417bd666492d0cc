import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { participantKey } from '#shared/store/keys';
import type { EarningEntry, EarningsReader } from './ports.ts';

/**
 * The earnings context keeps, in the participant's partition, a total (sk `EARNINGS`, `{totalIdr}`) and
 * one entry per credited item (sk `EARNING#<ord>#<prd>`). Read here by key only, for the export.
 */
export function buildEarningsReader(doc: DynamoDBDocumentClient, table: string): EarningsReader {
  return {
    async of(participantId) {
      const { pk } = participantKey(participantId);
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: { pk, sk: 'EARNINGS' }, ConsistentRead: true }));
      const entries: EarningEntry[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const result = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': pk, ':prefix': 'EARNING#' },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of result.Items ?? []) {
          const { orderId, productId, amountIdr, creditedAt } = item as EarningEntry;
          entries.push({ orderId, productId, amountIdr, creditedAt });
        }
        startKey = result.LastEvaluatedKey;
      } while (startKey);
      return { totalIdr: (Item?.totalIdr as number | undefined) ?? 0, entries };
    },
  };
}
