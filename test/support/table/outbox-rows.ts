import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { scanTable } from './scan.ts';

/** The outbox rows that name an order, of one event type unless all are wanted. */
export function outboxRowsFor(doc: DynamoDBDocumentClient, table: string, orderId: string, detailType?: string) {
  return scanTable(doc, table, {
    FilterExpression: `entity = :outbox AND detail.#data.orderId = :order${detailType === undefined ? '' : ' AND detailType = :type'}`,
    ExpressionAttributeNames: { '#data': 'data' },
    ExpressionAttributeValues: { ':outbox': 'outbox', ':order': orderId, ...(detailType === undefined ? {} : { ':type': detailType }) },
  });
}
