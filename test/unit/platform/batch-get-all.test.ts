import type { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { withinDeadline } from '#shared/kernel/deadline';
import { batchGetAll } from '#shared/kernel/store/dynamo';
import { lambdaContext } from '#test/support/fakes/lambda-context';

type Key = { pk: string };

/** A document client whose BatchGetItem answers each key, but hands back the first `unreadPerCall` keys unread. */
function batchingClient(unreadPerCall: (call: number) => number) {
  const calls: Key[][] = [];
  const doc = {
    async send(command: BatchGetCommand) {
      const request = command.input.RequestItems?.table;
      const keys = (request?.Keys ?? []) as Key[];
      calls.push(keys);
      const unread = keys.slice(0, unreadPerCall(calls.length));
      const read = keys.slice(unread.length).map((key) => ({ ...key, projection: request?.ProjectionExpression }));
      return { Responses: { table: read }, UnprocessedKeys: unread.length ? { table: { Keys: unread } } : {} };
    },
  } as unknown as DynamoDBDocumentClient;
  return { doc, calls };
}

const keys = (count: number): Key[] => Array.from({ length: count }, (_, index) => ({ pk: `K#${index}` }));

describe('batchGetAll', () => {
  it('reads more than 100 keys in chunks of at most 100, with the read options given', async () => {
    const { doc, calls } = batchingClient(() => 0);

    const items = await batchGetAll(doc, 'table', keys(250), { ProjectionExpression: 'pk' });

    expect(calls.map((call) => call.length)).toEqual([100, 100, 50]);
    expect(items.map((item) => item.pk)).toEqual(keys(250).map((key) => key.pk));
    expect(new Set(items.map((item) => item.projection))).toEqual(new Set(['pk']));
  });

  it('asks again for the keys handed back unread until every one is read', async () => {
    const { doc, calls } = batchingClient((call) => (call < 3 ? 2 : 0));

    const items = await batchGetAll(doc, 'table', keys(5));

    expect(calls.map((call) => call.length)).toEqual([5, 2, 2]);
    expect(items.map((item) => item.pk).sort()).toEqual(keys(5).map((key) => key.pk));
  });

  it('gives up after eight attempts rather than loop for ever: DynamoDB is throttling (busy, retry later)', async () => {
    const { doc, calls } = batchingClient(() => 1);

    await expect(batchGetAll(doc, 'table', keys(3))).rejects.toMatchObject({ kind: 'unavailable', reason: 'busy' });
    expect(calls).toHaveLength(8);
  });

  it('gives up sooner when the next attempt would not fit before the invocation’s deadline', async () => {
    const { doc, calls } = batchingClient(() => 1);
    const invocation = withinDeadline(async () => batchGetAll(doc, 'table', keys(3)));

    await expect(invocation({}, { ...lambdaContext(), getRemainingTimeInMillis: () => 600 })).rejects.toMatchObject({ reason: 'busy' });
    expect(calls).toHaveLength(1);
  });
});
