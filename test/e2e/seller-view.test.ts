import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, eventually, tokenFor } from '#test/support/api/client';
import { newProduct, newShop, orderEvents, shipping } from '#test/support/api/shop';
import { type ReceivedDelivery, startReceiver } from '#test/support/api/webhook-receiver';

/** A shop with a second seller in the group, and one order of both sellers' products (2 bags, 1 mat). */
async function twoSellerOrder() {
  const shop = await newShop();
  const second = await shop.eligibleParticipant();
  const mat = await newProduct(second.participantToken, { title: 'Tikar plastik', priceIdr: 40_000 });
  const placed = await call('POST', '/orders', {
    token: shop.buyer.token,
    headers: { 'idempotency-key': randomUUID() },
    body: {
      items: [
        { productId: shop.productId, quantity: 2 },
        { productId: mat.id, quantity: 1 },
      ],
      shipping,
    },
  });
  expect(placed.status).toBe(201);
  return { shop, second, mat, order: placed.body as { id: string; createdAt: string } };
}

/** What a seller must never see of an order. */
const buyerFields = ['buyerSub', 'shipping', 'payment', 'shipment', 'cancellation', 'totalIdr'];

describe("the seller's view of an order", () => {
  it('shows a participant only their own lines and subtotal, never the buyer, the payment reference or the other seller', async () => {
    // Prepare
    const { shop, second, mat, order } = await twoSellerOrder();
    const paid = await call('POST', `/orders/${order.id}/payment`, {
      token: shop.facilitator,
      body: { method: 'bank_transfer', reference: 'BCA 0042' },
    });

    // Act
    const one = await call('GET', `/orders/${order.id}`, { token: second.participantToken });
    const listed = await call('GET', '/orders?status=paid', { token: second.participantToken });
    const asBuyer = await call('GET', `/orders/${order.id}`, { token: shop.buyer.token });
    const asFacilitator = await call('GET', `/orders/${order.id}`, { token: shop.facilitator });
    const asAdmin = await call('GET', `/orders/${order.id}`, { token: await tokenFor({ sub: `admin-${randomUUID()}`, roles: ['admin'] }) });

    // Assert
    const expected = {
      id: order.id,
      groupId: shop.groupId,
      status: 'paid',
      items: [
        {
          productId: mat.id,
          participantId: second.participant.id,
          title: 'Tikar plastik',
          quantity: 1,
          unitPriceIdr: 40_000,
          subtotalIdr: 40_000,
        },
      ],
      sellerSubtotalIdr: 40_000,
      createdAt: order.createdAt,
      payBy: paid.body.payBy,
      paidAt: paid.body.payment.paidAt,
      updatedAt: paid.body.updatedAt,
    };
    expect(one.status).toBe(200);
    expect(one.body).toEqual(expected);
    expect(listed.body.items).toEqual([expected]);
    const seen = JSON.stringify([one.body, listed.body]);
    for (const value of [shop.buyer.sub, shipping.recipientName, shipping.address, '+6281234567890', 'BCA 0042', shop.productId])
      expect(seen).not.toContain(value);
    for (const field of buyerFields) expect(one.body).not.toHaveProperty(field);
    expect(asBuyer.body).toMatchObject({ buyerSub: shop.buyer.sub, totalIdr: 210_000, payment: { reference: 'BCA 0042' } });
    // The facilitators ship and admins answer for the platform: both keep the whole order, as the buyer does.
    for (const whole of [asFacilitator, asAdmin]) {
      expect(whole.status).toBe(200);
      expect(whole.body).toEqual(asBuyer.body);
    }
    expect(asBuyer.body).toMatchObject({
      shipping: { ...shipping, phone: '+6281234567890' },
      items: [{ productId: shop.productId }, { productId: mat.id }],
    });
  });
});

describe('a cancellation with a reason code and a note', () => {
  it('keeps the note on the order, announces only the code, and shows the seller neither the note nor the buyer', async () => {
    // Prepare
    const { shop, second, order } = await twoSellerOrder();
    const note = 'Pembeli pindah ke alamat Jl. Baru 5';
    const partner = await startReceiver(() => ({ status: 200 }));
    const webhook = await call('POST', '/webhooks', {
      token: shop.admin,
      body: { url: partner.url, eventTypes: ['OrderCancelled'], description: 'a partner that follows cancellations' },
    });
    expect(webhook.status).toBe(201);

    // Act
    const cancelled = await call('POST', `/orders/${order.id}/cancellation`, {
      token: shop.buyer.token,
      body: { reason: 'buyer_request', note },
    });
    const asSeller = await call('GET', `/orders/${order.id}`, { token: second.participantToken });
    const freeText = await call('POST', `/orders/${order.id}/cancellation`, {
      token: shop.buyer.token,
      body: { reason: 'Berubah pikiran' },
    });

    // Assert
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.cancellation).toEqual({ reason: 'buyer_request', by: 'buyer', cancelledAt: cancelled.body.updatedAt, note });
    expect(asSeller.body).toMatchObject({ status: 'cancelled', cancelledAt: cancelled.body.updatedAt });
    expect(JSON.stringify(asSeller.body)).not.toContain(note);
    expect(asSeller.body).not.toHaveProperty('cancellation');
    expect(freeText.status).toBe(400);
    const cancellation = await eventually(async () => {
      const found = (await orderEvents(order.id)).filter((event) => event.detailType === 'OrderCancelled');
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(cancellation?.detail.data).toEqual({ orderId: order.id, groupId: shop.groupId, reason: 'buyer_request' });
    // What the partner receives is the event's data, signed: the code, never the note.
    const delivered = await eventually(async () => {
      const ours = partner.received.filter((delivery) => delivery.json.data.orderId === order.id);
      expect(ours).toHaveLength(1);
      return ours[0] as ReceivedDelivery;
    });
    expect(delivered.json).toMatchObject({
      type: 'OrderCancelled',
      data: { orderId: order.id, groupId: shop.groupId, reason: 'buyer_request' },
    });
    expect(delivered.body).not.toContain(note);
    await call('DELETE', `/webhooks/${webhook.body.id}`, { token: shop.admin });
    await partner.close();
  });
});
