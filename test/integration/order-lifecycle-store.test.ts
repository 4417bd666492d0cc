import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { ProductDelisted } from '#events/product-delisted';
import { buildProductStore } from '#shared/catalog/dynamo-product-store';
import type { Product } from '#shared/catalog/schemas';
import { newId } from '#shared/kernel/ids';
import { buildOrderCatalog } from '#shared/orders/dynamo-order-catalog';
import { buildOrderStore } from '#shared/orders/dynamo-order-store';
import { cancellationTransition, paymentTransition } from '#shared/orders/lifecycle';
import type { Order } from '#shared/orders/schemas';
import { orderSellerKey } from '#shared/kernel/store/keys';
import { pendingEvent } from '#shared/kernel/store/outbox';
import { localTable } from '#test/support/table/local-table';
import { listedProduct, placementOf } from '#test/support/table/order-placements';
import { outboxRowsFor } from '#test/support/table/outbox-rows';

const { doc, table, cursors } = localTable();
const products = buildProductStore(doc, table, cursors);
const catalog = buildOrderCatalog(doc, table);
const orders = buildOrderStore(doc, table, cursors);
const at = '2026-11-28T05:36:47.000Z';
const later = '2026-11-29T02:00:00.000Z';

const listed = (overrides: Partial<Product> = {}) => listedProduct({ products, catalog }, at, { stock: 5, ...overrides });

/** An order of two sellers' products (2 + 1 of them), placed through the store. */
async function placedOrder() {
  const bag = await listed();
  const mat = await listed({ groupId: bag.product.groupId });
  const placement = placementOf(
    `buyer-${newId('ord')}`,
    newId('ord'),
    [
      [bag.orderable, 2],
      [mat.orderable, 1],
    ],
    at,
  );
  await orders.place(placement);
  return { order: placement.order, bag, mat };
}

const stockOf = async (id: string) => (await catalog.products([id]))[0]?.stock;

const sellerRow = async (order: Order, participantId: string) =>
  (await doc.send(new GetCommand({ TableName: table, Key: orderSellerKey(order.id, participantId), ConsistentRead: true }))).Item;

/** The event types of the outbox rows that name this order. */
const outboxOf = async (orderId: string) => (await outboxRowsFor(doc, table, orderId)).map((row) => row.detailType as string).sort();

const payment = { method: 'bank_transfer' as const, reference: 'BCA-1', paidAt: later };
const cancellation = { reason: 'out_of_stock' as const, by: 'facilitator' as const, cancelledAt: later };

describe('DynamoDB order store: lifecycle transitions', () => {
  it('changes the order and every seller row alike, with the outbox row, in one transaction', async () => {
    const { order, bag, mat } = await placedOrder();

    const result = await orders.transition(paymentTransition(order, payment, ['placed']));

    const expected = { ...order, status: 'paid', payment, updatedAt: later };
    expect(result).toEqual({ outcome: 'done', order: expected });
    await expect(orders.get(order.id)).resolves.toEqual(expected);
    for (const participantId of [bag.product.participantId, mat.product.participantId]) {
      expect(await sellerRow(order, participantId)).toMatchObject({ status: 'paid', paidAt: later, updatedAt: later });
    }
    const listed = await orders.listForSeller(mat.product.participantId, 'paid', { limit: 20 });
    expect(listed.items.map((view) => [view.id, view.status])).toEqual([[order.id, 'paid']]);
    expect(await outboxOf(order.id)).toEqual(['OrderPaid', 'OrderPlaced']);
  });

  it('gives the stock back on cancellation, even to a product delisted since', async () => {
    const { order, bag, mat } = await placedOrder();
    const { id: productId, participantId, groupId } = bag.product;
    await products.transition(bag.product, 'delisted', later, pendingEvent(ProductDelisted, { productId, participantId, groupId }, later));

    await orders.transition(cancellationTransition(order, cancellation, ['placed', 'paid']));

    expect([await stockOf(bag.product.id), await stockOf(mat.product.id)]).toEqual([5, 5]);
    await expect(orders.get(order.id)).resolves.toMatchObject({ status: 'cancelled', cancellation });
    expect(await sellerRow(order, mat.product.participantId)).toMatchObject({ status: 'cancelled', cancelledAt: later });
    expect(await outboxOf(order.id)).toEqual(['OrderCancelled', 'OrderPlaced']);
  });

  it('writes nothing from the wrong status and tells the current one', async () => {
    const { order, bag } = await placedOrder();
    await orders.transition(paymentTransition(order, payment, ['placed']));

    const again = await orders.transition(paymentTransition(order, { ...payment, reference: 'BCA-2' }, ['placed']));

    expect(again).toEqual({ outcome: 'status-changed', status: 'paid' });
    await expect(orders.get(order.id)).resolves.toMatchObject({ payment });
    expect(await sellerRow(order, bag.product.participantId)).toMatchObject({ paidAt: payment.paidAt });
    expect(await outboxOf(order.id)).toEqual(['OrderPaid', 'OrderPlaced']);
  });

  it('lets exactly one of a racing payment and cancellation win, returning stock at most once', async () => {
    const rounds = await Promise.all(Array.from({ length: 4 }, () => placedOrder()));

    const outcomes = await Promise.all(
      rounds.map(({ order }) =>
        Promise.all([
          orders.transition(paymentTransition(order, payment, ['placed'])),
          orders.transition(cancellationTransition(order, { ...cancellation, by: 'buyer' }, ['placed'])),
        ]),
      ),
    );

    for (const [index, [paid, cancelled]] of outcomes.entries()) {
      const { order, bag, mat } = rounds[index] as Awaited<ReturnType<typeof placedOrder>>;
      const winners = [paid, cancelled].filter((outcome) => outcome.outcome === 'done');
      expect(winners).toHaveLength(1);
      const won = paid.outcome === 'done' ? 'paid' : 'cancelled';
      expect(paid.outcome === 'done' ? cancelled : paid).toEqual({ outcome: 'status-changed', status: won });
      await expect(orders.get(order.id)).resolves.toMatchObject({ status: won });
      expect(await sellerRow(order, bag.product.participantId)).toMatchObject({ status: won });
      expect([await stockOf(bag.product.id), await stockOf(mat.product.id)]).toEqual(won === 'cancelled' ? [5, 5] : [3, 4]);
      expect(await outboxOf(order.id)).toEqual([won === 'paid' ? 'OrderPaid' : 'OrderCancelled', 'OrderPlaced']);
    }
  });
});
