import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { buildProductStore } from '#shared/catalog/dynamo-product-store';
import { newId } from '#shared/kernel/ids';
import { orderSellerKey } from '#shared/kernel/store/keys';
import { buildOrderCatalog } from '#shared/orders/dynamo-order-catalog';
import { buildOrderStore } from '#shared/orders/dynamo-order-store';
import { cancellationTransition, paymentTransition } from '#shared/orders/lifecycle';
import { localTable } from '#test/support/table/local-table';
import { listedProduct, placementOf } from '#test/support/table/order-placements';

const { doc, table, cursors } = localTable();
const products = buildProductStore(doc, table, cursors);
const catalog = buildOrderCatalog(doc, table);
const orders = buildOrderStore(doc, table, cursors);
const at = '2026-11-28T05:36:47.000Z';
const later = '2026-11-29T02:00:00.000Z';

async function twoSellerOrder() {
  const bag = await listed();
  const mat = await listed({ groupId: bag.product.groupId, priceIdr: 40_000 });
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

const listed = (overrides: Parameters<typeof listedProduct>[2] = {}) =>
  listedProduct({ products, catalog }, at, { stock: 5, ...overrides });

const storedRow = async (orderId: string, participantId: string) =>
  (await doc.send(new GetCommand({ TableName: table, Key: orderSellerKey(orderId, participantId), ConsistentRead: true }))).Item;

/** A seller row's attributes besides its keys: exactly what the seller's view shows. */
const viewAttributes = ['id', 'groupId', 'status', 'items', 'sellerSubtotalIdr', 'createdAt', 'payBy'];
const keyAttributes = ['pk', 'sk', 'entity', 'gsi1pk', 'gsi1sk'];

describe('DynamoDB order store: seller rows', () => {
  it("stores only the seller's view at placement: no buyer, shipping, totals or other lines", async () => {
    const { order, mat } = await twoSellerOrder();

    const row = await storedRow(order.id, mat.product.participantId);

    expect(Object.keys(row ?? {}).sort()).toEqual([...keyAttributes, ...viewAttributes].sort());
    expect(row).toMatchObject({ entity: 'order-seller', status: 'placed', sellerSubtotalIdr: 40_000, items: [order.items[1]] });
  });

  it('gives the seller rows status and timestamps on each step, never the payment or cancellation with its note', async () => {
    const { order, bag } = await twoSellerOrder();
    const payment = { method: 'bank_transfer' as const, reference: 'BCA-1', paidAt: later };
    const paid = await orders.transition(paymentTransition(order, payment, ['placed']));
    if (paid.outcome !== 'done') throw new Error('payment lost its race');
    const cancelledAt = '2026-11-30T02:00:00.000Z';
    await orders.transition(
      cancellationTransition(paid.order, { reason: 'out_of_stock', by: 'facilitator', cancelledAt, note: 'Rusak kena hujan' }, ['paid']),
    );

    const row = await storedRow(order.id, bag.product.participantId);

    expect(Object.keys(row ?? {}).sort()).toEqual([...keyAttributes, ...viewAttributes, 'paidAt', 'cancelledAt', 'updatedAt'].sort());
    expect(row).toMatchObject({ status: 'cancelled', paidAt: later, cancelledAt, updatedAt: cancelledAt });
    await expect(orders.getSellerView(order.id, bag.product.participantId)).resolves.toEqual({
      id: order.id,
      groupId: order.groupId,
      status: 'cancelled',
      items: [order.items[0]],
      sellerSubtotalIdr: order.items[0]?.subtotalIdr,
      createdAt: at,
      payBy: order.payBy,
      paidAt: later,
      cancelledAt,
      updatedAt: cancelledAt,
    });
    const page = await orders.listForSeller(bag.product.participantId, 'cancelled', { limit: 20 });
    expect(page.items.map((view) => view.id)).toEqual([order.id]);
  });
});
