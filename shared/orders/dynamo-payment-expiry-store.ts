import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryDue } from '#shared/kernel/store/due-sweep';
import type { PaymentExpiryStore } from './ports.ts';

export function buildPaymentExpiryStore(doc: DynamoDBDocumentClient, table: string): PaymentExpiryStore {
  return {
    async due(until, limit, after) {
      const page = await queryDue(doc, table, 'payment-expiry', { until, limit, after, projection: 'id' });
      return { ...page, items: page.items.map((item) => item.id as string) };
    },
  };
}
