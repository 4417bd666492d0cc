import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '#shared/kernel/table-definition';
import type { LocalAwsConfig } from './dynamodb-local.ts';

/** CreateTable input built from tableDefinition alone, so DynamoDB Local has production's keys and indexes. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey, globalIndexes, streamView } = tableDefinition;
  const keyNames = [partitionKey, sortKey, ...globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey])];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...new Set(keyNames)].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      { AttributeName: sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: globalIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: streamView },
  };
}

/** Creates the table and turns on TTL; returns the table's stream ARN. */
export async function createTable(config: LocalAwsConfig, tableName: string): Promise<string> {
  const client = new DynamoDBClient({ ...config, maxAttempts: 3 });
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    // DynamoDB Local accepts UpdateTimeToLive (it does not promise to expire items on time).
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      }),
    );
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (!Table?.LatestStreamArn) throw new Error(`DynamoDB Local created ${tableName} without a stream`);
    return Table.LatestStreamArn;
  } finally {
    client.destroy();
  }
}
