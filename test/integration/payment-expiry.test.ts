import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { buildProductStore } from '#shared/catalog/dynamo-product-store';
import { newId } from '#shared/kernel/ids';
import { dueKeys, orderKey, orderSellerKey } from '#shared/kernel/store/keys';
import { buildOrderCatalog } from '#shared/orders/dynamo-order-catalog';
import { buildOrderStore } from '#shared/orders/dynamo-order-store';
import { buildPaymentExpiryStore } from '#shared/orders/dynamo-payment-expiry-store';
import { paymentTransition } from '#shared/orders/lifecycle';
import { expireUnpaidOrders } from '#shared/orders/payment-expiry';
import { fixedClock } from '#test/support/fakes/clock';
import { localTable } from '#test/support/table/local-table';
import { listedProduct, placementOf } from '#test/support/table/order-placements';
import { outboxRowsFor } from '#test/support/table/outbox-rows';

const { doc, table, cursors } = localTable();
const products = buildProductStore(doc, table, cursors);
const catalog = buildOrderCatalog(doc, table);
const orders = buildOrderStore(doc, table, cursors);
const expiries = buildPaymentExpiryStore(doc, table);
const hour = 60 * 60 * 1000;

/**
 * Placed 23 hours ago by the real clock, so due an hour from now: before the local runtime's own sweeper (real
 * clock, sharing this table) gets to it, and after every order the other tests place in this run (due in 24 hours),
 * so this file's sweeps, an hour ahead, reach only this file's orders.
 */
async function placedOrder() {
  const createdAt = new Date(Date.now() - 23 * hour).toISOString();
  const payBy = new Date(Date.parse(createdAt) + 24 * hour).toISOString();
  const bag = await listedProduct({ products, catalog }, createdAt, { stock: 5 });
  const placement = placementOf(`buyer-${newId('ord')}`, newId('ord'), [[bag.orderable, 2]], createdAt, payBy);
  await orders.place(placement);
  return { order: placement.order, bag };
}

const sweepAt = (iso: string, offsetMs: number) =>
  expireUnpaidOrders({ expiries, orders, clock: fixedClock(new Date(Date.parse(iso) + offsetMs).toISOString()) });
const stored = async (key: Record<string, string>) =>
  (await doc.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;
const stockOf = async (id: string) => (await catalog.products([id]))[0]?.stock;
const outboxOf = async (orderId: string) => (await outboxRowsFor(doc, table, orderId)).map((row) => row.detailType as string).sort();

describe('payment expiry on DynamoDB Local', () => {
  it('puts an order in the expiry partition at its payBy as it is placed, and its payment takes it out', async () => {
    const { order } = await placedOrder();
    const placed = await stored(orderKey(order.id));

    await orders.transition(paymentTransition(order, { method: 'cash', reference: 'Kas 1', paidAt: order.createdAt }, ['placed']));
    const paid = await stored(orderKey(order.id));

    expect(placed).toMatchObject(dueKeys('payment-expiry', order.payBy, order.id));
    expect(paid).not.toHaveProperty('gsi4pk');
    expect(paid).not.toHaveProperty('gsi4sk');
    await expect(expiries.due(new Date(Date.parse(order.payBy) + 1000).toISOString(), 100)).resolves.not.toMatchObject({
      items: expect.arrayContaining([order.id]),
    });
  });

  it('cancels an unpaid order at its payBy, not before: stock, seller row and OrderCancelled in one write, once', async () => {
    const { order, bag } = await placedOrder();

    await sweepAt(order.payBy, -1000);
    const early = await orders.get(order.id);
    const onTime = await sweepAt(order.payBy, 1000);
    const again = await sweepAt(order.payBy, 2000);

    expect(early?.status).toBe('placed');
    expect(onTime.done).toBeGreaterThanOrEqual(1);
    expect(again.done).toBe(0);
    const cancelledAt = new Date(Date.parse(order.payBy) + 1000).toISOString();
    await expect(orders.get(order.id)).resolves.toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'payment_expired', by: 'system', cancelledAt },
    });
    expect(await stored(orderSellerKey(order.id, bag.product.participantId))).toMatchObject({ status: 'cancelled', cancelledAt });
    expect(await stockOf(bag.product.id)).toBe(5);
    expect(await outboxOf(order.id)).toEqual(['OrderCancelled', 'OrderPlaced']);
    // Ended now: due for the reduction of its buyer data instead.
    expect(await stored(orderKey(order.id))).toMatchObject({ gsi4pk: 'DUE#order-reduction' });
  });

  it('lets exactly one of a payment and the expiry racing for an order win', async () => {
    const rounds = await Promise.all(Array.from({ length: 4 }, () => placedOrder()));
    const latest = rounds
      .map(({ order }) => order.payBy)
      .sort()
      .at(-1) as string;

    const [payments] = await Promise.all([
      Promise.all(
        rounds.map(({ order }) =>
          orders.transition(paymentTransition(order, { method: 'cash', reference: 'Kas', paidAt: order.payBy }, ['placed'])),
        ),
      ),
      sweepAt(latest, 1000),
    ]);

    for (const [index, { order, bag }] of rounds.entries()) {
      const won = payments[index]?.outcome === 'done' ? 'paid' : 'cancelled';
      await expect(orders.get(order.id)).resolves.toMatchObject({ status: won });
      expect(await stockOf(bag.product.id)).toBe(won === 'paid' ? 3 : 5);
      expect(await outboxOf(order.id)).toEqual([won === 'paid' ? 'OrderPaid' : 'OrderCancelled', 'OrderPlaced']);
    }
  });
});
