import { describe, expect, it } from 'vitest';
import { sellerRowChanges, sellerView } from '#shared/orders/seller-view';
import type { Order } from '#shared/orders/schemas';

const line = (productId: string, participantId: string, quantity: number, unitPriceIdr: number) => ({
  productId,
  participantId,
  title: `Produk ${productId}`,
  quantity,
  unitPriceIdr,
  subtotalIdr: quantity * unitPriceIdr,
});

/** A two-seller order that went as far as it can: paid, shipped, delivered. */
const order: Order = {
  id: 'ord_01JDXKZ8M3Q4R5S6T7V8W9X0YZ',
  buyerSub: 'buyer-1',
  groupId: 'grp_01JDXKZ8M3Q4R5S6T7V8W9X0YZ',
  status: 'delivered',
  items: [line('prd_a', 'prt_siti', 2, 85_000), line('prd_b', 'prt_rina', 1, 40_000), line('prd_c', 'prt_siti', 1, 15_000)],
  totalIdr: 225_000,
  shipping: { recipientName: 'Budi', phone: '+6281234567890', address: 'Jl. Pejanggik 10', city: 'Mataram', postalCode: '83121' },
  createdAt: '2026-11-28T05:00:00.000Z',
  payBy: '2026-11-29T05:00:00.000Z',
  payment: { method: 'bank_transfer', reference: 'BCA 0042', paidAt: '2026-11-28T06:00:00.000Z' },
  shipment: { courier: 'jne', trackingNumber: 'JNE0001', shippedAt: '2026-11-29T06:00:00.000Z' },
  deliveredAt: '2026-12-01T06:00:00.000Z',
  updatedAt: '2026-12-01T06:00:00.000Z',
};

describe("the seller's view of an order", () => {
  it("keeps only the seller's lines, their subtotal and the lifecycle timestamps", () => {
    const view = sellerView(order, 'prt_siti');

    expect(view).toEqual({
      id: order.id,
      groupId: order.groupId,
      status: 'delivered',
      items: [order.items[0], order.items[2]],
      sellerSubtotalIdr: 185_000,
      createdAt: order.createdAt,
      payBy: order.payBy,
      paidAt: '2026-11-28T06:00:00.000Z',
      shippedAt: '2026-11-29T06:00:00.000Z',
      deliveredAt: '2026-12-01T06:00:00.000Z',
      updatedAt: '2026-12-01T06:00:00.000Z',
    });
  });

  it('never carries the buyer, shipping, references, notes or the other seller', () => {
    const cancelled: Order = {
      ...order,
      status: 'cancelled',
      cancellation: { reason: 'buyer_request', by: 'buyer', cancelledAt: '2026-11-28T07:00:00.000Z', note: 'Pindah alamat' },
    };

    const shown = JSON.stringify(sellerView(cancelled, 'prt_rina'));

    expect(sellerView(cancelled, 'prt_rina')).toMatchObject({ cancelledAt: '2026-11-28T07:00:00.000Z', sellerSubtotalIdr: 40_000 });
    for (const hidden of [
      'buyer-1',
      'Budi',
      'Pejanggik',
      '+62812',
      'BCA 0042',
      'JNE0001',
      'Pindah alamat',
      'prd_a',
      'prt_siti',
      '"totalIdr"',
    ])
      expect(shown).not.toContain(hidden);
  });

  it('shows when a return was asked for and refunded or refused, never the refund reference or the notes', () => {
    const returned: Order = {
      ...order,
      status: 'refunded',
      returnRequest: { reason: 'damaged', requestedAt: '2026-12-02T06:00:00.000Z', note: 'Jahitan lepas' },
      refund: { method: 'bank_transfer', reference: 'BCA-BACK-7', refundedAt: '2026-12-03T06:00:00.000Z', restocked: true },
    };
    const refused: Order = {
      ...returned,
      status: 'return_refused',
      refund: undefined,
      returnRefusal: { refusedAt: '2026-12-03T07:00:00.000Z', note: 'Sudah dipakai' },
    };

    const views = [sellerView(returned, 'prt_rina'), sellerView(refused, 'prt_rina')];

    expect(views[0]).toMatchObject({ returnRequestedAt: '2026-12-02T06:00:00.000Z', refundedAt: '2026-12-03T06:00:00.000Z' });
    expect(views[1]).toMatchObject({ returnRequestedAt: '2026-12-02T06:00:00.000Z', returnRefusedAt: '2026-12-03T07:00:00.000Z' });
    const shown = JSON.stringify(views);
    for (const hidden of ['BCA-BACK-7', 'Jahitan lepas', 'Sudah dipakai', 'damaged', 'restocked', 'Budi'])
      expect(shown).not.toContain(hidden);
  });

  it("turns a step's changes into the seller row's: status and timestamps, no payment or shipment object", () => {
    expect(
      sellerRowChanges({
        status: 'paid',
        payment: { method: 'cash', reference: 'KAS-1', paidAt: '2026-11-28T06:00:00.000Z' },
        updatedAt: '2026-11-28T06:00:00.000Z',
      }),
    ).toEqual({ status: 'paid', paidAt: '2026-11-28T06:00:00.000Z', updatedAt: '2026-11-28T06:00:00.000Z' });
    expect(
      sellerRowChanges({
        status: 'shipped',
        shipment: { courier: 'jne', trackingNumber: 'JNE9', shippedAt: '2026-11-29T06:00:00.000Z' },
        updatedAt: '2026-11-29T06:00:00.000Z',
      }),
    ).toEqual({ status: 'shipped', shippedAt: '2026-11-29T06:00:00.000Z', updatedAt: '2026-11-29T06:00:00.000Z' });
  });
});
