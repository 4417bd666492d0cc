import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { buildCursorCodec, maxFilteredReads } from '#shared/kernel/store/pagination';
import { buildOrderStore } from '#shared/orders/dynamo-order-store';

/**
 * A table whose partitions never end and whose every item the status filter discards, as a buyer's or a group's long
 * history of other statuses looks to `GET /orders?status=`: it counts the Queries a page makes.
 */
function endlessPartitionOfMisses() {
  const sent: { FilterExpression?: string; Limit?: number }[] = [];
  const doc = {
    send: async (command: { input: { FilterExpression?: string; Limit?: number } }) => {
      sent.push(command.input);
      return { Items: [], LastEvaluatedKey: { pk: `ORDER#${sent.length}`, sk: 'ORDER' } };
    },
  } as unknown as DynamoDBDocumentClient;
  return { doc, sent };
}

describe('a filtered list of orders', () => {
  it.each([
    ['a buyer', (store: ReturnType<typeof buildOrderStore>) => store.list({ kind: 'buyer', buyerSub: 'buyer-1' }, 'paid', { limit: 20 })],
    ['a group', (store: ReturnType<typeof buildOrderStore>) => store.list({ kind: 'group', groupId: 'grp_1' }, 'paid', { limit: 20 })],
    ['a seller', (store: ReturnType<typeof buildOrderStore>) => store.listForSeller('prt_1', 'paid', { limit: 20 })],
  ])('of %s reads at most a fixed number of pages, then answers what it has with a cursor', async (_, list) => {
    const { doc, sent } = endlessPartitionOfMisses();

    const page = await list(buildOrderStore(doc, 'table', buildCursorCodec('test-secret')));

    expect(sent).toHaveLength(maxFilteredReads);
    expect(sent.every((input) => input.FilterExpression === '#status = :status')).toBe(true);
    expect(page.items).toEqual([]);
    expect(page.nextCursor).toEqual(expect.any(String));
  });
});
