import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { buildProductStore } from '#shared/catalog/dynamo-product-store';
import { newId } from '#shared/kernel/ids';
import { dueKeys, duePartition, orderKey } from '#shared/kernel/store/keys';
import { reduceBuyerData } from '#shared/orders/buyer-data';
import { buildBuyerDataStore } from '#shared/orders/dynamo-buyer-data-store';
import { buildOrderCatalog } from '#shared/orders/dynamo-order-catalog';
import { buildOrderStore } from '#shared/orders/dynamo-order-store';
import type { Caller } from '#shared/kernel/auth/caller';
import { cancellationTransition, confirmDelivery, recordPayment, recordShipment } from '#shared/orders/lifecycle';
import type { DueReduction } from '#shared/orders/ports';
import { recordRefund, refuseReturn, requestReturn } from '#shared/orders/returns';
import { fixedClock } from '#test/support/fakes/clock';
import { storedSellers } from '#test/support/table/earning-orders';
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

/**
 * Delivered 80 days before the real now, so every due time here is at least 10 days ahead: no sweep of another test
 * (they reach at most 1.5 days ahead) reduces these orders, and these tests reduce only their own.
 */
const deliveredAt = new Date(Date.now() - 80 * day).toISOString();
const sinceDelivery = (days: number) => new Date(Date.parse(deliveredAt) + days * day).toISOString();
const stepDeps = (days: number) => ({ orders, clock: fixedClock(sinceDelivery(days)) });

/** Delivered, and a return with a note asked for a day later; then the facilitator decides, a day after that. */
async function returnedOrder(decide: 'refund' | 'refusal') {
  const { orderable } = await listedProduct({ products, catalog }, deliveredAt, { stock: 5 });
  await storedSellers(doc, table, orderable.groupId, [orderable.participantId]);
  const buyer: Caller = { sub: `buyer-${newId('ord')}`, roles: ['buyer'] };
  const facilitator: Caller = { sub: 'fac-1', roles: ['facilitator'], groupId: orderable.groupId };
  const placement = placementOf(buyer.sub, newId('ord'), [[orderable, 2]], deliveredAt);
  await orders.place(placement);
  const id = placement.order.id;
  await recordPayment(stepDeps(0), facilitator, id, { method: 'cash', reference: 'KAS-1' });
  await recordShipment(stepDeps(0), facilitator, id, { courier: 'jne', trackingNumber: 'JNE1' });
  await confirmDelivery(stepDeps(0), buyer, id);
  const whenDelivered = await stored(id);
  await requestReturn(stepDeps(1), buyer, id, { reason: 'damaged', note: 'Rusak, telepon 0812 3456 7890' });
  const whenReturned = await stored(id);
  if (decide === 'refund') await recordRefund(stepDeps(2), facilitator, id, { method: 'cash', reference: 'KAS-BACK', restock: false });
  else await refuseReturn(stepDeps(2), facilitator, id, { note: 'Dipakai, bukan cacat' });
  return { order: placement.order, whenDelivered, whenReturned };
}

/** The order's entry in the due partition up to `until`, read page by page as the sweeper reads it. */
async function dueEntry(orderId: string, until: string): Promise<DueReduction | undefined> {
  let after: unknown;
  do {
    const page = await buyerData.due(until, 100, after);
    const found = page.items.find((item) => item.orderId === orderId);
    if (found) return found;
    after = page.next;
  } while (after !== undefined);
  return undefined;
}

describe('reducing the buyer data of a returned order', () => {
  it('keeps the delivery’s due time while the return waits, and moves it to 90 days after the refund', async () => {
    const { order, whenDelivered, whenReturned } = await returnedOrder('refund');

    const row = await stored(order.id);

    expect(whenDelivered).toMatchObject(dueKeys('order-reduction', sinceDelivery(90), order.id));
    expect(whenReturned).toMatchObject(dueKeys('order-reduction', sinceDelivery(90), order.id));
    expect(row).toMatchObject(dueKeys('order-reduction', sinceDelivery(92), order.id));
    expect(await dueEntry(order.id, sinceDelivery(91))).toBeUndefined();
    expect(await dueEntry(order.id, sinceDelivery(92))).toEqual({
      orderId: order.id,
      dueSort: `${sinceDelivery(92)}#${order.id}`,
      notes: ['returnRequest.note'],
    });
  });

  it('removes the return’s and the refusal’s notes with the shipping, keeping the facts', async () => {
    const refunded = await returnedOrder('refund');
    const refused = await returnedOrder('refusal');

    for (const { order } of [refunded, refused]) {
      const due = (await dueEntry(order.id, sinceDelivery(92))) as DueReduction;
      expect(await buyerData.reduce(due)).toBe(true);
    }

    const [refundedRow, refusedRow] = [await stored(refunded.order.id), await stored(refused.order.id)];
    expect(refundedRow).toMatchObject({
      shipping: { city: 'Mataram' },
      returnRequest: { reason: 'damaged', requestedAt: sinceDelivery(1) },
      refund: { method: 'cash', reference: 'KAS-BACK', refundedAt: sinceDelivery(2), restocked: false },
    });
    expect(refusedRow?.returnRefusal).toEqual({ refusedAt: sinceDelivery(2) });
    for (const row of [refundedRow, refusedRow]) {
      expect(row?.shipping).toEqual({ city: 'Mataram' });
      expect(row?.returnRequest).not.toHaveProperty('note');
      expect(row).not.toHaveProperty('gsi4pk');
    }
    await expect(orders.get(refused.order.id)).resolves.toMatchObject({
      status: 'return_refused',
      returnRequest: { reason: 'damaged', requestedAt: sinceDelivery(1) },
      returnRefusal: { refusedAt: sinceDelivery(2) },
    });
  });
});
