import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { EventSource } from '#events/event-contract';
import { buildProductStore } from '#shared/catalog/dynamo-product-store';
import type { Caller } from '#shared/kernel/auth/caller';
import { newId } from '#shared/kernel/ids';
import { orderSellerKey } from '#shared/kernel/store/keys';
import { buildOrderCatalog } from '#shared/orders/dynamo-order-catalog';
import { buildOrderStore } from '#shared/orders/dynamo-order-store';
import { cancelOrder, confirmDelivery, recordPayment, recordShipment } from '#shared/orders/lifecycle';
import { recordRefund, refuseReturn, requestReturn } from '#shared/orders/returns';
import type { Order } from '#shared/orders/schemas';
import { fixedClock } from '#test/support/fakes/clock';
import { storedSellers } from '#test/support/table/earning-orders';
import { localTable } from '#test/support/table/local-table';
import { listedProduct, placementOf } from '#test/support/table/order-placements';
import { outboxRowsFor } from '#test/support/table/outbox-rows';

const { doc, table, cursors } = localTable();
const products = buildProductStore(doc, table, cursors);
const catalog = buildOrderCatalog(doc, table);
const orders = buildOrderStore(doc, table, cursors);
const at = '2026-11-28T05:36:47.000Z';
const deps = { orders, clock: fixedClock(at) };

/** An order of two sellers' products (2 + 1 of them, stock 5 each), placed through the store, and its people. */
async function placedOrder() {
  const bag = await listedProduct({ products, catalog }, at, { stock: 5 });
  const mat = await listedProduct({ products, catalog }, at, { stock: 5, groupId: bag.product.groupId });
  await storedSellers(doc, table, bag.product.groupId, [bag.product.participantId, mat.product.participantId]);
  const buyer: Caller = { sub: `buyer-${newId('ord')}`, roles: ['buyer'] };
  const facilitator: Caller = { sub: 'fac-1', roles: ['facilitator'], groupId: bag.product.groupId };
  const placement = placementOf(
    buyer.sub,
    newId('ord'),
    [
      [bag.orderable, 2],
      [mat.orderable, 1],
    ],
    at,
  );
  await orders.place(placement);
  return { order: placement.order, bag, mat, buyer, facilitator };
}

/** Placed, paid, shipped, delivered and a return asked for, each step through its use-case. */
async function returnedOrder() {
  const placed = await placedOrder();
  const { order, buyer, facilitator } = placed;
  await recordPayment(deps, facilitator, order.id, { method: 'bank_transfer', reference: 'BCA-1' });
  await recordShipment(deps, facilitator, order.id, { courier: 'jne', trackingNumber: 'JNE1' });
  await confirmDelivery(deps, buyer, order.id);
  await requestReturn(deps, buyer, order.id, { reason: 'damaged', note: 'Jahitan lepas' });
  return placed;
}

/** The stock of each product, in the order asked: a batch read answers in any order. */
const stocks = async (...ids: string[]) => {
  const found = new Map((await catalog.products(ids)).map((product) => [product.id, product.stock]));
  return ids.map((id) => found.get(id));
};

const sellerRow = async (order: Order, participantId: string) =>
  (await doc.send(new GetCommand({ TableName: table, Key: orderSellerKey(order.id, participantId), ConsistentRead: true }))).Item;

/** The event types of the orders context's outbox rows that name this order (earnings writes its own for it). */
const outboxOf = async (orderId: string) =>
  (await outboxRowsFor(doc, table, orderId))
    .filter((row) => row.source === EventSource.orders)
    .map((row) => row.detailType as string)
    .sort();

describe('DynamoDB order store: returns and refunds', () => {
  it('gives the stock back with a refund that restocks, in the same transaction as the refund and its outbox row', async () => {
    const { order, bag, mat, facilitator } = await returnedOrder();
    expect(await stocks(bag.product.id, mat.product.id)).toEqual([3, 4]);

    const refunded = await recordRefund(deps, facilitator, order.id, { method: 'cash', reference: 'KAS-1', restock: true });

    expect(refunded.status).toBe('refunded');
    expect(await stocks(bag.product.id, mat.product.id)).toEqual([5, 5]);
    await expect(orders.get(order.id)).resolves.toMatchObject({
      status: 'refunded',
      returnRequest: { reason: 'damaged', requestedAt: at, note: 'Jahitan lepas' },
      refund: { method: 'cash', reference: 'KAS-1', refundedAt: at, restocked: true },
    });
    const row = await sellerRow(order, mat.product.participantId);
    expect(row).toMatchObject({ status: 'refunded', returnRequestedAt: at, refundedAt: at });
    expect(JSON.stringify(row)).not.toMatch(/KAS-1|Jahitan/);
    expect(await outboxOf(order.id)).toEqual([
      'OrderDelivered',
      'OrderPaid',
      'OrderPlaced',
      'OrderRefunded',
      'OrderShipped',
      'ReturnRequested',
    ]);
  });

  it('leaves the stock alone with a refund that does not restock', async () => {
    const { order, bag, mat, facilitator } = await returnedOrder();

    await recordRefund(deps, facilitator, order.id, { method: 'qris', reference: 'QR-1', restock: false });

    expect(await stocks(bag.product.id, mat.product.id)).toEqual([3, 4]);
    await expect(orders.get(order.id)).resolves.toMatchObject({ status: 'refunded', refund: { restocked: false } });
  });

  it('lets exactly one of a racing refund and refusal win', async () => {
    const rounds = await Promise.all(Array.from({ length: 4 }, () => returnedOrder()));

    const outcomes = await Promise.all(
      rounds.map(({ order, facilitator }) =>
        Promise.allSettled([
          recordRefund(deps, facilitator, order.id, { method: 'cash', reference: 'KAS-2', restock: true }),
          refuseReturn(deps, facilitator, order.id, { note: 'Sudah dipakai' }),
        ]),
      ),
    );

    for (const [index, [refund, refusal]] of outcomes.entries()) {
      const { order, bag, mat } = rounds[index] as Awaited<ReturnType<typeof returnedOrder>>;
      expect([refund.status, refusal.status].sort()).toEqual(['fulfilled', 'rejected']);
      const won = refund.status === 'fulfilled' ? 'refunded' : 'return_refused';
      const lost = (refund.status === 'rejected' ? refund : refusal) as PromiseRejectedResult;
      expect(lost.reason).toMatchObject({ kind: 'conflict', message: expect.stringMatching(new RegExp(`^The order is ${won}\\.`)) });
      const stored = await orders.get(order.id);
      expect(stored?.status).toBe(won);
      expect(Boolean(stored?.refund)).toBe(won === 'refunded');
      expect(Boolean(stored?.returnRefusal)).toBe(won === 'return_refused');
      expect(await sellerRow(order, bag.product.participantId)).toMatchObject({ status: won });
      expect(await stocks(bag.product.id, mat.product.id)).toEqual(won === 'refunded' ? [5, 5] : [3, 4]);
      expect((await outboxOf(order.id)).filter((type) => type === 'OrderRefunded')).toHaveLength(won === 'refunded' ? 1 : 0);
    }
  });

  it('writes OrderCancelled and OrderRefunded in the one transaction that cancels a paid order with its refund', async () => {
    const { order, bag, mat, facilitator } = await placedOrder();
    await recordPayment(deps, facilitator, order.id, { method: 'bank_transfer', reference: 'BCA-1' });

    await cancelOrder(deps, facilitator, order.id, {
      reason: 'out_of_stock',
      refund: { method: 'bank_transfer', reference: 'BCA-BACK-1' },
    });

    expect(await stocks(bag.product.id, mat.product.id)).toEqual([5, 5]);
    const rows = (await outboxRowsFor(doc, table, order.id)).filter((row) => row.source === EventSource.orders);
    const data = Object.fromEntries(rows.map((row) => [row.detailType, (row.detail as { data: unknown }).data]));
    expect(Object.keys(data).sort()).toEqual(['OrderCancelled', 'OrderPaid', 'OrderPlaced', 'OrderRefunded']);
    expect(data.OrderCancelled).toEqual({ orderId: order.id, groupId: order.groupId, reason: 'out_of_stock' });
    expect(data.OrderRefunded).toEqual({ orderId: order.id, groupId: order.groupId, totalIdr: order.totalIdr, method: 'bank_transfer' });
    await expect(orders.get(order.id)).resolves.toMatchObject({
      status: 'cancelled',
      refund: { method: 'bank_transfer', reference: 'BCA-BACK-1', refundedAt: at, restocked: true },
    });
    expect(await sellerRow(order, bag.product.participantId)).toMatchObject({ status: 'cancelled', cancelledAt: at, refundedAt: at });
  });
});
