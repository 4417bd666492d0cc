import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { newId } from '#shared/kernel/ids';
import { maxFilteredReads, queryPage } from '#shared/kernel/store/pagination';
import { localTable } from '#test/support/table/local-table';

const { doc, table, cursors } = localTable();

/** The document client, counting the Queries a page makes. */
function countingClient() {
  const counter = { queries: 0 };
  const client = {
    send: (command: Parameters<DynamoDBDocumentClient['send']>[0]) => {
      counter.queries += 1;
      return doc.send(command);
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, counter };
}

/** One partition of its own: `misses` items the filter discards, then one it keeps. */
async function partitionWithOneMatchAfter(misses: number) {
  const pk = `FILTERTEST#${newId('grp')}`;
  const items = Array.from({ length: misses + 1 }, (_, n) => ({
    pk,
    sk: String(n).padStart(6, '0'),
    colour: n === misses ? 'blue' : 'red',
  }));
  for (let start = 0; start < items.length; start += 25) {
    const chunk = items.slice(start, start + 25);
    await doc.send(new BatchWriteCommand({ RequestItems: { [table]: chunk.map((Item) => ({ PutRequest: { Item } })) } }));
  }
  return {
    TableName: table,
    KeyConditionExpression: 'pk = :pk',
    FilterExpression: 'colour = :colour',
    ExpressionAttributeValues: { ':pk': pk, ':colour': 'blue' },
  };
}

describe('a filtered page', () => {
  it('reads at most five Queries, answers what it found with a cursor, and the cursors lead to the match exactly once', async () => {
    const query = await partitionWithOneMatchAfter(1_200);
    const { client, counter } = countingClient();

    const first = await queryPage(client, query, { limit: 20 }, cursors);

    expect(counter.queries).toBe(maxFilteredReads);
    expect(first.items).toEqual([]);
    expect(first.nextCursor).not.toBeNull();

    const found: unknown[] = [...first.items];
    let cursor = first.nextCursor;
    let pages = 1;
    while (cursor !== null) {
      counter.queries = 0;
      const next = await queryPage(client, query, { limit: 20, cursor }, cursors);
      expect(counter.queries).toBeLessThanOrEqual(maxFilteredReads);
      found.push(...next.items);
      cursor = next.nextCursor;
      pages += 1;
    }
    expect(found).toEqual([expect.objectContaining({ sk: '001200', colour: 'blue' })]);
    expect(pages).toBe(3);
  });

  it('without a filter, reads just the page and one item more', async () => {
    const { FilterExpression: _filter, ...unfiltered } = await partitionWithOneMatchAfter(300);
    const { client, counter } = countingClient();

    const page = await queryPage(
      client,
      { ...unfiltered, ExpressionAttributeValues: { ':pk': unfiltered.ExpressionAttributeValues[':pk'] } },
      { limit: 20 },
      cursors,
    );

    expect(counter.queries).toBe(1);
    expect(page.items).toHaveLength(20);
    expect(page.nextCursor).not.toBeNull();
  });
});
