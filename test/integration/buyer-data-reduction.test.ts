import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { buildProductStore } from '#shared/catalog/dynamo-product-store';
import { newId } from '#shared/kernel/ids';
import { dueKeys, duePartition, orderKey } from '#shared/kernel/store/keys';
import { reduceBuyerData } from '#shared/orders/buyer-data';
import { buildBuyerDataStore } from '#shared/orders/dynamo-buyer-data-store';
import { buildOrderCatalog } from '#shared/orders/dynamo-order-catalog';
import { buildOrderStore } from '#shared/orders/dynamo-order-store';
import { cancellationTransition } from '#shared/orders/lifecycle';
import { fixedClock } from '#test/support/fakes/clock';
import { localTable } from '#test/support/table/local-table';
import { listedProduct, placementOf } from '#test/support/table/order-placements';

const { doc, table, cursors } = localTable();
const products = buildProductStore(doc, table, cursors);
const catalog = buildOrderCatalog(doc, table);
const orders = buildOrderStore(doc, table, cursors);
const buyerData = buildBuyerDataStore(doc, table);
const day = 24 * 60 * 60 * 1000;

/**
 * Ended 89.5 days before the real now: the local runtime's own sweeper (real clock, every few seconds) leaves it
 * alone for another half day, and this test's sweeps reach no order of other tests that the real one would not.
 */
const endedAt = new Date(Date.now() - 89.5 * day).toISOString();
const after = (days: number) => fixedClock(new Date(Date.parse(endedAt) + days * day).toISOString());

async function cancelledOrder() {
  const { orderable } = await listedProduct({ products, catalog }, endedAt, { stock: 5 });
  const placement = placementOf(`buyer-${newId('ord')}`, newId('ord'), [[orderable, 2]], endedAt);
  await orders.place(placement);
  const note = 'Pembeli pindah ke Jl. Baru 5';
  await orders.transition(
    cancellationTransition(placement.order, { reason: 'buyer_request', by: 'buyer', cancelledAt: endedAt, note }, ['placed']),
  );
  return placement.order;
}

const stored = async (orderId: string) =>
  (await doc.send(new GetCommand({ TableName: table, Key: orderKey(orderId), ConsistentRead: true }))).Item;

/** Whether the order still waits in the due partition of the reduction. */
async function isDue(orderId: string) {
  const partition = duePartition('order-reduction');
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: table,
      IndexName: partition.index,
      KeyConditionExpression: `${partition.index}pk = :pk`,
      FilterExpression: 'id = :id',
      ExpressionAttributeValues: { ':pk': partition.pk, ':id': orderId },
    }),
  );
  return (Items ?? []).length > 0;
}

describe('reducing buyer data 90 days after an order ends', () => {
  it('marks an ended order due in the same write that ends it', async () => {
    const order = await cancelledOrder();

    const row = await stored(order.id);

    const dueAt = new Date(Date.parse(endedAt) + 90 * day).toISOString();
    expect(row).toMatchObject(dueKeys('order-reduction', dueAt, order.id));
  });

  it('leaves an order alone at 89 days and reduces it at 91: shipping to its city, the note gone, figures kept', async () => {
    const order = await cancelledOrder();

    await reduceBuyerData({ buyerData, clock: after(89) });
    const at89 = await stored(order.id);
    await reduceBuyerData({ buyerData, clock: after(91) });
    const at91 = await stored(order.id);
    const again = await reduceBuyerData({ buyerData, clock: after(91) });

    expect(at89?.shipping).toEqual(order.shipping);
    expect(at89?.cancellation.note).toBe('Pembeli pindah ke Jl. Baru 5');
    expect(at91).toMatchObject({
      id: order.id,
      buyerSub: order.buyerSub,
      groupId: order.groupId,
      items: order.items,
      totalIdr: order.totalIdr,
    });
    expect(at91?.shipping).toEqual({ city: 'Mataram' });
    expect(at91?.cancellation).toEqual({ reason: 'buyer_request', by: 'buyer', cancelledAt: endedAt });
    expect(at91).not.toHaveProperty('gsi4pk');
    expect(await isDue(order.id)).toBe(false);
    expect(again.done).toBe(0);
    await expect(orders.get(order.id)).resolves.toMatchObject({ shipping: { city: 'Mataram' }, status: 'cancelled' });
  });
});
