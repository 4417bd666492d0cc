import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryDue } from '#shared/kernel/store/due-sweep';
import { isConditionFailure } from '#shared/kernel/store/dynamo';
import { duePartition, dueSlotAttributes, orderKey } from '#shared/kernel/store/keys';
import type { BuyerDataStore, NotePath } from './ports.ts';

const job = 'order-reduction';

/** Everything of the shipping but the city: removed field by field, so the city needs no read. */
const shippingRemovals = ['recipientName', 'phone', 'address', 'postalCode'].map((field) => `shipping.${field}`);

/** Every free-text note an order may hold: the due query reads which are there, the reduction removes those. */
const notePaths: readonly NotePath[] = ['cancellation.note', 'returnRequest.note', 'returnRefusal.note'];

const noteOf = (item: Record<string, unknown>, path: NotePath) => {
  const [record, note] = path.split('.') as [string, string];
  return (item[record] as Record<string, unknown> | undefined)?.[note];
};

export function buildBuyerDataStore(doc: DynamoDBDocumentClient, table: string): BuyerDataStore {
  return {
    async due(until, limit, after) {
      const page = await queryDue(doc, table, job, { until, limit, after, projection: `id, gsi4sk, ${notePaths.join(', ')}` });
      return {
        ...page,
        items: page.items.map((item) => ({
          orderId: item.id as string,
          dueSort: item.gsi4sk as string,
          notes: notePaths.filter((path) => noteOf(item, path) !== undefined),
        })),
      };
    },
    async reduce({ orderId, dueSort, notes }) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: orderKey(orderId),
            UpdateExpression: `REMOVE ${[...shippingRemovals, ...notes, ...dueSlotAttributes].join(', ')}`,
            // Still due for this job at this time: a second run, or one racing this, changes nothing.
            ConditionExpression: 'gsi4pk = :pk AND gsi4sk = :sk',
            ExpressionAttributeValues: { ':pk': duePartition(job).pk, ':sk': dueSort },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
}
