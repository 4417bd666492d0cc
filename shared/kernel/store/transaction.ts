import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { DependencyUnavailableError } from '#shared/kernel/errors';
import { waitToRetry } from './retry-wait.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * A transaction item with what it stands for. DynamoDB answers a cancellation with one reason per item, by
 * position; reading them back by tag means a store can add or reorder items without misreading whose condition failed.
 */
export interface TaggedItem<T> {
  tag: T;
  item: TransactItem;
}

export const tagged = <T>(tag: T, item: TransactItem): TaggedItem<T> => ({ tag, item });

/** An item whose condition failed; `current` is the item as it was, if it asked for ReturnValuesOnConditionCheckFailure. */
export interface FailedCondition<T> {
  tag: T;
  current?: Record<string, unknown>;
}

type Reason = { Code?: string; Item?: Record<string, AttributeValue> } | undefined;

function cancellationReasons(error: unknown): Reason[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException' || !('CancellationReasons' in error)) return undefined;
  return error.CancellationReasons as Reason[];
}

/** For a cancelled transaction of these items, those whose condition failed, in item order; undefined for any other error. */
export function failedConditions<T>(error: unknown, items: readonly TaggedItem<T>[]): FailedCondition<T>[] | undefined {
  const reasons = cancellationReasons(error);
  if (!reasons) return undefined;
  return items.flatMap(({ tag }, index) => {
    const reason = reasons[index];
    if (reason?.Code !== 'ConditionalCheckFailed') return [];
    return [{ tag, ...(reason.Item ? { current: unmarshall(reason.Item) } : {}) }];
  });
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
 * each other with TransactionConflict, which the SDK does not retry. Races still lost after the last attempt (or
 * when the next would not fit before the invocation's deadline) are contention, not a wrong request: a
 * DependencyUnavailableError (`busy`, 503 with Retry-After), so the caller retries the same request.
 */
export async function transactWrite<T>(
  doc: DynamoDBDocumentClient,
  items: readonly TaggedItem<T>[],
  { attempts = conflictRetries, returnConsumedCapacity = false }: TransactWriteOptions = {},
) {
  const input = {
    TransactItems: items.map(({ item }) => item),
    ...(returnConsumedCapacity ? { ReturnConsumedCapacity: 'TOTAL' as const } : {}),
  };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await doc.send(new TransactWriteCommand(input));
    } catch (error) {
      const codes = cancellationReasons(error)?.map((reason) => reason?.Code);
      const lostRace = codes?.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
      if (!lostRace) throw error;
      // Jittered and growing, capped: racers spread out instead of colliding again in step.
      if (attempt >= attempts) throw new DependencyUnavailableError('busy', { cause: error });
      await waitToRetry(Math.min(attempt * 10, 100) + Math.random() * 20 * Math.min(attempt, 5), error);
    }
  }
}

/** Whether the item of this tag is one of those whose condition failed. */
export const failedOn = <T>(failures: readonly FailedCondition<T>[] | undefined, tag: T): boolean =>
  failures?.some((failure) => failure.tag === tag) ?? false;
