import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandInput,
  type BatchGetCommandOutput,
  DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { awsClientConfig } from '#shared/kernel/aws/client-config';
import { EnvName, readEnv } from '#shared/kernel/env';
import { DependencyUnavailableError } from '#shared/kernel/errors';
import { waitToRetry } from './retry-wait.ts';

/** Built once per container and shared by every adapter in it; timeouts and retries as every client's (client-config.ts). */
export function buildDocumentClient(client = new DynamoDBClient(awsClientConfig())): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export function tableName(): string {
  return readEnv(EnvName.tableName);
}

export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * Every item a Query finds, page after page. Only for the reads that must see all of one participant's partition
 * (erasure, export, their earnings); lists that callers page through use queryPage instead.
 */
export async function queryAll(
  doc: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: QueryCommandOutput = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** How often a batch is asked again for keys DynamoDB handed back unread, before it is a fault. */
const batchGetAttempts = 8;

/**
 * Every item of these keys (missing ones are simply absent): BatchGetItem takes at most 100 keys and may hand some
 * back unread under load, so the keys go in chunks and the unread ones are asked for again, with growing waits.
 * Keys still unread after the last attempt (or when the next would not fit before the deadline) mean DynamoDB is
 * throttling: `busy`, as the SDK's own throttling errors are.
 */
export async function batchGetAll(
  doc: DynamoDBDocumentClient,
  table: string,
  keys: readonly Record<string, unknown>[],
  read: Omit<NonNullable<BatchGetCommandInput['RequestItems']>[string], 'Keys'> = {},
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let start = 0; start < keys.length; start += 100) {
    let unread: Record<string, unknown>[] = keys.slice(start, start + 100);
    for (let attempt = 1; unread.length > 0; attempt += 1) {
      if (attempt > batchGetAttempts) throw new DependencyUnavailableError('busy');
      if (attempt > 1) await waitToRetry(20 * (attempt - 1));
      const { Responses, UnprocessedKeys }: BatchGetCommandOutput = await doc.send(
        new BatchGetCommand({ RequestItems: { [table]: { ...read, Keys: unread } } }),
      );
      items.push(...(Responses?.[table] ?? []));
      unread = UnprocessedKeys?.[table]?.Keys ?? [];
    }
  }
  return items;
}
