import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EnvName, readEnv } from '#shared/env';

/** Built once per container and shared by every adapter in it. */
export function buildDocumentClient(client = new DynamoDBClient({})): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export function tableName(): string {
  return readEnv(EnvName.tableName);
}

/** Whether a TransactWriteItems was cancelled because a condition did not hold. */
export function cancellationReasons(error: unknown): ({ Code?: string; Item?: Record<string, unknown> } | undefined)[] | undefined {
  if (error instanceof Error && error.name === 'TransactionCanceledException' && 'CancellationReasons' in error) {
    return error.CancellationReasons as { Code?: string; Item?: Record<string, unknown> }[];
  }
  return undefined;
}

export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
