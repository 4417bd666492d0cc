import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { buildProductStore } from '#shared/catalog/dynamo-product-store';
import type { Product } from '#shared/catalog/schemas';
import { newId } from '#shared/kernel/ids';
import { buildOrderCatalog } from '#shared/orders/dynamo-order-catalog';
import { buildOrderStore } from '#shared/orders/dynamo-order-store';
import type { OrderableProduct } from '#shared/orders/ports';
import { idempotencyKey } from '#shared/kernel/store/keys';
import { localTable } from '#test/support/table/local-table';
import { listedProduct, placementOf } from '#test/support/table/order-placements';

const { doc, table, cursors } = localTable();
const products = buildProductStore(doc, table, cursors);
const catalog = buildOrderCatalog(doc, table);
let consumed: number | undefined;
const orders = buildOrderStore(doc, table, cursors, { onConsumedCapacity: (units) => (consumed = units) });
const at = '2026-11-28T05:36:47.000Z';

const listed = async (overrides: Partial<Product> = {}) =>
  (await listedProduct({ products, catalog }, at, { stock: 3, ...overrides })).orderable;
const placement = (buyerSub: string, key: string, lines: [OrderableProduct, number][]) => placementOf(buyerSub, key, lines, at);

const stockOf = async (id: string) => (await catalog.products([id]))[0]?.stock;
const nowSeconds = Date.parse(at) / 1000;

describe('DynamoDB order store', () => {
  it('writes the order, takes the stock and claims the key in one transaction; the order lists for buyer, group and seller', async () => {
    const bag = await listed();
    const mat = await listed({ groupId: bag.groupId });
    const buyer = `buyer-${newId('ord')}`;
    const placed = placement(buyer, 'k1', [
      [bag, 2],
      [mat, 3],
    ]);

    await expect(orders.place(placed)).resolves.toBe('placed');

    expect([await stockOf(bag.id), await stockOf(mat.id)]).toEqual([1, 0]);
    await expect(orders.get(placed.order.id)).resolves.toEqual(placed.order);
    await expect(orders.claimOf(buyer, 'k1', nowSeconds)).resolves.toEqual({ bodyHash: 'hash-k1', orderId: placed.order.id });
    await expect(orders.claimOf(buyer, 'k1', nowSeconds + 86_401)).resolves.toBeUndefined();
    const ids = async (scope: Parameters<typeof orders.list>[0], status?: 'placed' | 'paid') =>
      (await orders.list(scope, status, { limit: 20 })).items.map((order) => order.id);
    expect(await ids({ kind: 'buyer', buyerSub: buyer })).toEqual([placed.order.id]);
    expect(await ids({ kind: 'group', groupId: bag.groupId }, 'placed')).toEqual([placed.order.id]);
    expect(await ids({ kind: 'group', groupId: bag.groupId }, 'paid')).toEqual([]);
    expect((await orders.listForSeller(mat.participantId, undefined, { limit: 20 })).items.map((view) => view.id)).toEqual([
      placed.order.id,
    ]);
    expect(consumed).toBeGreaterThan(0);
  });

  it('changes nothing when one line runs short (409): no order, no claim, no stock taken anywhere', async () => {
    const bag = await listed();
    const mat = await listed({ groupId: bag.groupId, stock: 1 });
    const buyer = `buyer-${newId('ord')}`;
    const short = placement(buyer, 'k1', [
      [bag, 1],
      [mat, 2],
    ]);

    await expect(orders.place(short)).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('Not enough stock') });

    expect([await stockOf(bag.id), await stockOf(mat.id)]).toEqual([3, 1]);
    await expect(orders.get(short.order.id)).resolves.toBeUndefined();
    await expect(orders.claimOf(buyer, 'k1', nowSeconds)).resolves.toBeUndefined();
  });

  it('refuses a price that changed since it was read (409 changed meanwhile)', async () => {
    const bag = await listed();
    const stale = placement(`buyer-${newId('ord')}`, 'k1', [[{ ...bag, priceIdr: bag.priceIdr - 1 }, 1]]);

    await expect(orders.place(stale)).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('changed meanwhile') });
    expect(await stockOf(bag.id)).toBe(3);
  });

  it('answers key-taken for a claimed key, writing nothing more; the same key of another buyer is free', async () => {
    const bag = await listed();
    const buyer = `buyer-${newId('ord')}`;
    const first = placement(buyer, 'k1', [[bag, 1]]);
    await orders.place(first);

    const second = placement(buyer, 'k1', [[bag, 1]]);
    await expect(orders.place(second)).resolves.toBe('key-taken');
    await expect(orders.place(placement(`other-${buyer}`, 'k1', [[bag, 1]]))).resolves.toBe('placed');

    expect(await stockOf(bag.id)).toBe(1);
    await expect(orders.get(second.order.id)).resolves.toBeUndefined();
    const { Item } = await doc.send(new GetCommand({ TableName: table, Key: idempotencyKey(buyer, 'k1') }));
    expect(Item).toMatchObject({ orderId: first.order.id, bodyHash: 'hash-k1', expiresAt: nowSeconds + 86_400 });
  });

  it('never takes stock below 0 under concurrent placements', async () => {
    const bag = await listed({ stock: 4 });
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, n) => orders.place(placement(`buyer-${n}-${newId('ord')}`, 'k', [[bag, 1]]))),
    );

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(4);
    expect(await stockOf(bag.id)).toBe(0);
  });
});
