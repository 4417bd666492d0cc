import { createHmac, timingSafeEqual } from 'node:crypto';
import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { tableDefinition } from '#shared/kernel/table-definition';
import { EnvName, readEnv } from '#shared/kernel/env';
import { InvalidInputError } from '#shared/kernel/errors';
import type { Page, PageRequest } from './page-schemas.ts';

export interface CursorCodec {
  encode(key: Record<string, unknown>, scope: string): string;
  decode(cursor: string, scope: string): Record<string, unknown>;
}

const invalidCursor = () =>
  new InvalidInputError('The cursor is not one this list gave out', [{ path: 'query.cursor', message: 'Invalid cursor' }]);

/**
 * Cursors are the last key, signed together with the query they came from, so a client
 * can neither forge a position nor carry a cursor over to another list.
 */
export function buildCursorCodec(secret?: string): CursorCodec {
  // Read on first use: functions that never page need no key.
  const sign = (payload: string, scope: string) =>
    createHmac('sha256', secret ?? readEnv(EnvName.cursorSigningKey))
      .update(`${scope}\n${payload}`)
      .digest()
      .subarray(0, 16);
  return {
    encode(key, scope) {
      const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
      return `${payload}.${sign(payload, scope).toString('base64url')}`;
    },
    decode(cursor, scope) {
      const [payload, mac, extra] = cursor.split('.');
      if (!payload || !mac || extra !== undefined) throw invalidCursor();
      const given = Buffer.from(mac, 'base64url');
      const expected = sign(payload, scope);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor();
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    },
  };
}

function keyAttributes(indexName: string | undefined): string[] {
  const table = [tableDefinition.partitionKey, tableDefinition.sortKey];
  const index = tableDefinition.globalIndexes.find((gsi) => gsi.indexName === indexName);
  return index ? [...table, index.partitionKey, index.sortKey] : table;
}

/** How many items one Query reads while a filter discards some of them. */
const filteredReadSize = 100;

/**
 * How many Queries one filtered page may make: at most 500 items read, so a filter that matches little never
 * reads a whole partition in one request (its time and its read capacity stay bounded). A page cut short by it
 * may hold fewer items than asked for, even none, and still carry a nextCursor: clients follow nextCursor
 * until it is null.
 */
export const maxFilteredReads = 5;

/**
 * One page from a Query. It reads one item more than the page holds, so the cursor is null
 * exactly when nothing follows: no empty last page. With a FilterExpression (a second
 * filter narrowing an index), it keeps reading until the page is full, the index is done or
 * it has made maxFilteredReads Queries; the cursor then resumes after the last item read.
 */
export async function queryPage(
  doc: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>,
  page: PageRequest,
  cursors: CursorCodec,
): Promise<Page<Record<string, unknown>>> {
  const scope = JSON.stringify([
    input.IndexName ?? '',
    input.KeyConditionExpression,
    input.FilterExpression ?? '',
    input.ExpressionAttributeValues,
  ]);
  const filtered = input.FilterExpression !== undefined;
  const items: Record<string, unknown>[] = [];
  let startKey = page.cursor === undefined ? undefined : cursors.decode(page.cursor, scope);
  let reads = 0;
  do {
    const limit = filtered ? filteredReadSize : page.limit + 1 - items.length;
    const result = await doc.send(new QueryCommand({ ...input, Limit: limit, ExclusiveStartKey: startKey }));
    reads += 1;
    items.push(...(result.Items ?? []));
    startKey = result.LastEvaluatedKey;
  } while (startKey && items.length <= page.limit && !(filtered && reads === maxFilteredReads));
  if (items.length <= page.limit) return { items, nextCursor: startKey ? cursors.encode(startKey, scope) : null };
  const pageItems = items.slice(0, page.limit);
  const last = pageItems[pageItems.length - 1] as Record<string, unknown>;
  const lastKey = Object.fromEntries(keyAttributes(input.IndexName).map((name) => [name, last[name]]));
  return { items: pageItems, nextCursor: cursors.encode(lastKey, scope) };
}
