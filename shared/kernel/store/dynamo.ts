import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandInput,
  type BatchGetCommandOutput,
  DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#shared/kernel/errors';
import { EnvName, readEnv } from '#shared/kernel/env';

/** Built once per container and shared by every adapter in it. */
export function buildDocumentClient(client = new DynamoDBClient({})): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export function tableName(): string {
  return readEnv(EnvName.tableName);
}

type Reasons = ({ Code?: string } | undefined)[];

function cancellationCodes(error: unknown): (string | undefined)[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException' || !('CancellationReasons' in error)) return undefined;
  return (error.CancellationReasons as Reasons).map((reason) => reason?.Code);
}

/** For a cancelled TransactWriteItems, which items' conditions failed; undefined for any other error. */
export function failedConditions(error: unknown): boolean[] | undefined {
  return cancellationCodes(error)?.map((code) => code === 'ConditionalCheckFailed');
}

const conflictRetries = 4;

export interface TransactWriteOptions {
  /** attempts while the transaction only loses races; default 4. Hot items (a product many buyers order) need more. */
  attempts?: number;
  returnConsumedCapacity?: boolean;
}

/**
 * TransactWriteItems, retried while it only lost a race: two transactions that touch one
 * item (even by ConditionCheck, as concurrent registrations into one group do) cancel
 * each other with TransactionConflict, which the SDK does not retry.
 */
export async function transactWrite(
  doc: DynamoDBDocumentClient,
  items: TransactWriteCommandInput['TransactItems'],
  { attempts = conflictRetries, returnConsumedCapacity = false }: TransactWriteOptions = {},
) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await doc.send(
        new TransactWriteCommand({ TransactItems: items, ...(returnConsumedCapacity ? { ReturnConsumedCapacity: 'TOTAL' } : {}) }),
      );
    } catch (error) {
      const codes = cancellationCodes(error);
      const lostRace = codes?.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
      if (!lostRace) throw error;
      if (attempt >= attempts) throw new ConflictError('The record is being changed by another request; try again');
      // Jittered and growing, capped: racers spread out instead of colliding again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.min(attempt * 10, 100) + Math.random() * 20 * Math.min(attempt, 5)));
    }
  }
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
      if (attempt > batchGetAttempts) throw new Error(`DynamoDB kept ${unread.length} keys of a batch unread`);
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 20 * (attempt - 1)));
      const { Responses, UnprocessedKeys }: BatchGetCommandOutput = await doc.send(
        new BatchGetCommand({ RequestItems: { [table]: { ...read, Keys: unread } } }),
      );
      items.push(...(Responses?.[table] ?? []));
      unread = UnprocessedKeys?.[table]?.Keys ?? [];
    }
  }
  return items;
}
