import type { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { withinDeadline } from '#shared/kernel/deadline';
import { DependencyUnavailableError } from '#shared/kernel/errors';
import { lambdaContext } from '#test/support/fakes/lambda-context';
import { failedConditions, failedOn, tagged, transactWrite } from '#shared/kernel/store/transaction';

const put = (pk: string) => ({ Put: { TableName: 'table', Item: { pk, sk: 'X' } } });

/** What DynamoDB throws for a cancelled transaction: one reason per item, in the order the items were sent. */
function cancelled(reasons: ({ Code: string; Item?: Record<string, unknown> } | undefined)[]) {
  return Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException', CancellationReasons: reasons });
}

/** A document client that answers each TransactWriteItems with the next of these outcomes (an error is thrown). */
function scriptedClient(outcomes: unknown[]) {
  const sent: unknown[][] = [];
  const doc = {
    async send(command: TransactWriteCommand) {
      sent.push(command.input.TransactItems ?? []);
      const outcome = outcomes.shift();
      if (outcome instanceof Error) throw outcome;
      return outcome ?? {};
    },
  } as unknown as DynamoDBDocumentClient;
  return { doc, sent };
}

describe('failedConditions', () => {
  it('names the failed items by their tags, whatever their position, with the old item when one came back', () => {
    // Prepare: the same two tagged items, in both orders, each time the 'stock' item failing.
    const stock = tagged('stock', put('PRODUCT#1'));
    const event = tagged('event', put('OUTBOX#1'));
    const oldItem = { stock: { N: '2' }, status: { S: 'listed' } };

    // Act
    const first = failedConditions(cancelled([{ Code: 'ConditionalCheckFailed', Item: oldItem }, { Code: 'None' }]), [stock, event]);
    const second = failedConditions(cancelled([{ Code: 'None' }, { Code: 'ConditionalCheckFailed', Item: oldItem }]), [event, stock]);

    // Assert
    expect(first).toEqual([{ tag: 'stock', current: { stock: 2, status: 'listed' } }]);
    expect(second).toEqual(first);
    expect(failedOn(second, 'stock')).toBe(true);
    expect(failedOn(second, 'event')).toBe(false);
  });

  it('keeps every failed item of a tag that several items share, in item order, and ignores races and missing reasons', () => {
    const items = [tagged({ product: 'a' }, put('A')), tagged({ product: 'b' }, put('B')), tagged({ product: 'c' }, put('C'))];

    const failed = failedConditions(cancelled([{ Code: 'ConditionalCheckFailed' }, { Code: 'TransactionConflict' }, undefined]), items);
    const both = failedConditions(cancelled([{ Code: 'ConditionalCheckFailed' }, undefined, { Code: 'ConditionalCheckFailed' }]), items);

    expect(failed).toEqual([{ tag: { product: 'a' } }]);
    expect(both?.map(({ tag }) => tag.product)).toEqual(['a', 'c']);
  });

  it('is undefined for any error but a cancelled transaction', () => {
    const items = [tagged('only', put('A'))];

    expect(failedConditions(new Error('throttled'), items)).toBeUndefined();
    expect(failedConditions(Object.assign(new Error('x'), { name: 'ConditionalCheckFailedException' }), items)).toBeUndefined();
    expect(failedOn(undefined, 'only')).toBe(false);
  });
});

describe('transactWrite', () => {
  it('sends the items untagged, in their order, and retries a transaction that only lost a race', async () => {
    const { doc, sent } = scriptedClient([cancelled([{ Code: 'TransactionConflict' }, { Code: 'None' }]), { ConsumedCapacity: [] }]);

    const output = await transactWrite(doc, [tagged('a', put('A')), tagged('b', put('B'))]);

    expect(output).toEqual({ ConsumedCapacity: [] });
    expect(sent).toEqual([
      [put('A'), put('B')],
      [put('A'), put('B')],
    ]);
  });

  it('does not retry a failed condition, and gives up on endless races as contention (busy, retry later)', async () => {
    const refusal = cancelled([{ Code: 'ConditionalCheckFailed' }, { Code: 'TransactionConflict' }]);
    const refused = scriptedClient([refusal]);
    const racing = scriptedClient([1, 2].map(() => cancelled([{ Code: 'TransactionConflict' }])));

    await expect(transactWrite(refused.doc, [tagged('a', put('A')), tagged('b', put('B'))])).rejects.toBe(refusal);
    const lost = transactWrite(racing.doc, [tagged('a', put('A'))], { attempts: 2 });
    await expect(lost).rejects.toBeInstanceOf(DependencyUnavailableError);
    await expect(lost).rejects.toMatchObject({ reason: 'busy', retryAfterSeconds: 1 });
    expect(refused.sent).toHaveLength(1);
    expect(racing.sent).toHaveLength(2);
  });

  it('stops retrying a lost race when the next attempt would not fit before the invocation’s deadline', async () => {
    // Prepare: 600 ms left in the invocation, of which 500 are its answer reserve.
    const racing = scriptedClient([1, 2, 3].map(() => cancelled([{ Code: 'TransactionConflict' }])));
    const invocation = withinDeadline(async () => transactWrite(racing.doc, [tagged('a', put('A'))], { attempts: 3 }));

    // Act
    const outcome = invocation({}, { ...lambdaContext(), getRemainingTimeInMillis: () => 600 });

    // Assert
    await expect(outcome).rejects.toMatchObject({ reason: 'busy' });
    expect(racing.sent).toHaveLength(1);
  });
});
