import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { buildDocumentClient } from '#shared/kernel/store/dynamo';

export interface TransactionFloor {
  items: number;
  concurrency: number;
  transactions: number;
  p50Ms: number;
  p99Ms: number;
  tps: number;
}

/**
 * What DynamoDB Local itself takes for a placement-sized transaction (five new items, no conditions, none of our
 * code around it) at the POST /orders bench's concurrency: the floor under that route's latency on this machine.
 */
export async function measureTransactionFloor(
  endpoints: { dynamoEndpoint: string; tableName: string },
  { items = 5, concurrency = 16, transactions = 1000 } = {},
): Promise<TransactionFloor> {
  const client = new DynamoDBClient({
    endpoint: endpoints.dynamoEndpoint,
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const doc = buildDocumentClient(client);
  const run = randomUUID();
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let n = next++; n < transactions; n = next++) {
        const sent = performance.now();
        await doc.send(
          new TransactWriteCommand({
            TransactItems: Array.from({ length: items }, (_, item) => ({
              Put: { TableName: endpoints.tableName, Item: { pk: `BENCH#${run}#${n}#${item}`, sk: 'BENCH', filler: 'x'.repeat(500) } },
            })),
          }),
        );
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  client.destroy();
  latencies.sort((a, b) => a - b);
  const at = (quantile: number) => Math.round(latencies[Math.floor(quantile * (latencies.length - 1))] ?? Number.NaN);
  return { items, concurrency, transactions, p50Ms: at(0.5), p99Ms: at(0.99), tps: Math.round(transactions / seconds) };
}
