import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, eventually, tokenFor } from '#test/support/api/client';
import { newShop, orderEvents, shipping } from '#test/support/api/shop';

const pay = (token: string, orderId: string, body: unknown = { method: 'bank_transfer', reference: 'BCA 0042' }) =>
  call('POST', `/orders/${orderId}/payment`, { token, body });
const ship = (token: string, orderId: string, body: unknown = { courier: 'jne', trackingNumber: 'JNE0001' }) =>
  call('POST', `/orders/${orderId}/shipment`, { token, body });
// No body and no content-type, as fetch(url, {method: 'POST'}) sends it.
const deliver = (token: string, orderId: string) => call('POST', `/orders/${orderId}/delivery`, { token });
const cancel = (token: string, orderId: string, reason = 'buyer_request') =>
  call('POST', `/orders/${orderId}/cancellation`, { token, body: { reason } });

/** Everything personal the order holds: none of it may leave in an event. */
const personal = [shipping.recipientName, shipping.address, '+6281234567890', shipping.postalCode];

describe('the order lifecycle', () => {
  it('goes placed → paid → shipped → delivered, each step answering the order and announcing ids only', async () => {
    // Prepare
    const shop = await newShop();
    const order = await shop.placeOrder();

    // Act
    const paid = await pay(shop.facilitator, order.id);
    const shipped = await ship(shop.facilitator, order.id);
    const delivered = await deliver(shop.buyer.token, order.id);

    // Assert
    expect([paid.status, shipped.status, delivered.status]).toEqual([200, 200, 200]);
    expect(paid.body).toMatchObject({ id: order.id, status: 'paid', payment: { method: 'bank_transfer', reference: 'BCA 0042' } });
    expect(shipped.body).toMatchObject({ status: 'shipped', shipment: { courier: 'jne', trackingNumber: 'JNE0001' } });
    expect(delivered.body).toMatchObject({ status: 'delivered', payment: paid.body.payment, shipment: shipped.body.shipment });
    expect(delivered.body.deliveredAt).toEqual(delivered.body.updatedAt);
    const asSeller = await call('GET', '/orders?status=delivered', { token: shop.participantToken });
    expect(asSeller.body.items).toEqual([
      {
        id: order.id,
        groupId: shop.groupId,
        status: 'delivered',
        items: delivered.body.items,
        sellerSubtotalIdr: 170_000,
        createdAt: delivered.body.createdAt,
        payBy: delivered.body.payBy,
        paidAt: paid.body.payment.paidAt,
        shippedAt: shipped.body.shipment.shippedAt,
        deliveredAt: delivered.body.deliveredAt,
        updatedAt: delivered.body.updatedAt,
      },
    ]);
    const events = await eventually(async () => {
      const found = await orderEvents(order.id);
      expect(found.map((event) => event.detailType)).toEqual(['OrderPlaced', 'OrderPaid', 'OrderShipped', 'OrderDelivered']);
      return found;
    });
    expect(events.slice(1).map((event) => event.detail.data)).toEqual([
      { orderId: order.id, groupId: shop.groupId, totalIdr: 170_000, method: 'bank_transfer' },
      { orderId: order.id, groupId: shop.groupId, courier: 'jne', trackingNumber: 'JNE0001' },
      { orderId: order.id, groupId: shop.groupId },
    ]);
    const published = JSON.stringify(events);
    for (const value of [...personal, shop.buyer.sub]) expect(published).not.toContain(value);
  });

  it('lets the facilitator confirm delivery too, and accepts an empty JSON object as the no-body', async () => {
    const shop = await newShop();
    const order = await shop.placeOrder();
    await pay(shop.facilitator, order.id);
    await ship(shop.facilitator, order.id);

    const delivered = await call('POST', `/orders/${order.id}/delivery`, { token: shop.facilitator, body: {} });

    expect(delivered.status).toBe(200);
    expect(delivered.body.status).toBe('delivered');
  });

  it('refuses roles that may not take a step (403) and hides the order from those who may not see it (404)', async () => {
    const shop = await newShop();
    const other = await newShop();
    const order = await shop.placeOrder();
    const officer = shop.officer;
    const admin = shop.admin;

    const statuses = [
      (await pay(shop.buyer.token, order.id)).status,
      (await pay(shop.participantToken, order.id)).status,
      (await pay(admin, order.id)).status,
      (await cancel(shop.participantToken, order.id)).status,
      (await pay(other.facilitator, order.id)).status,
      (await pay(officer, order.id)).status,
      (await cancel(other.buyer.token, order.id)).status,
      (await deliver(other.participantToken, order.id)).status,
      (await pay(shop.facilitator, `ord_${'0'.repeat(26)}`)).status,
      (await pay(shop.facilitator, 'not-an-order')).status,
    ];

    expect(statuses).toEqual([403, 403, 403, 403, 404, 404, 404, 404, 404, 404]);
    expect((await call('GET', `/orders/${order.id}`, { token: shop.buyer.token })).body.status).toBe('placed');
  });

  it('answers any other lifecycle step with a 409 naming the current status, changing nothing', async () => {
    const shop = await newShop();
    const order = await shop.placeOrder();

    const shipTooEarly = await ship(shop.facilitator, order.id);
    const deliverTooEarly = await deliver(shop.buyer.token, order.id);
    await pay(shop.facilitator, order.id);
    const payAgain = await pay(shop.facilitator, order.id);
    const buyerCancelsPaid = await cancel(shop.buyer.token, order.id);
    await ship(shop.facilitator, order.id);
    const facilitatorCancelsShipped = await cancel(shop.facilitator, order.id);

    for (const refused of [shipTooEarly, deliverTooEarly, payAgain, buyerCancelsPaid, facilitatorCancelsShipped]) {
      expect(refused.status).toBe(409);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(shipTooEarly.body.detail).toMatch(/^The order is placed\./);
    expect(payAgain.body.detail).toMatch(/^The order is paid\./);
    expect(buyerCancelsPaid.body.detail).toBe('The order is paid. The order can be cancelled by the buyer only while it is placed');
    expect(facilitatorCancelsShipped.body.detail).toMatch(/^The order is shipped\./);
    expect((await call('GET', `/orders/${order.id}`, { token: shop.buyer.token })).body).toMatchObject({
      status: 'shipped',
      payment: { reference: 'BCA 0042' },
    });
    expect(await shop.stock()).toBe(8);
  });

  it('validates the bodies: unknown method or courier, blank reference, unknown fields (400)', async () => {
    const shop = await newShop();
    const order = await shop.placeOrder();

    const responses = [
      await pay(shop.facilitator, order.id, { method: 'midtrans', reference: 'x' }),
      await pay(shop.facilitator, order.id, { method: 'cash', reference: '  ' }),
      await pay(shop.facilitator, order.id, { method: 'cash', reference: 'x', paidAt: '2026-01-01' }),
      await ship(shop.facilitator, order.id, { courier: 'dhl', trackingNumber: 'x' }),
      await call('POST', `/orders/${order.id}/cancellation`, { token: shop.buyer.token }),
      await call('POST', `/orders/${order.id}/delivery`, { token: shop.buyer.token, body: { note: 'x' } }),
    ];

    expect(responses.map((response) => response.status)).toEqual([400, 400, 400, 400, 400, 400]);
  });

  it('gives the stock back when the buyer cancels a placed order, once; OrderCancelled carries the reason and ids', async () => {
    const shop = await newShop();
    const order = await shop.placeOrder(3);
    expect(await shop.stock()).toBe(7);

    const cancelled = await cancel(shop.buyer.token, order.id, 'other');
    const again = await cancel(shop.buyer.token, order.id);

    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellation: { reason: 'other', by: 'buyer' } });
    expect(again.status).toBe(409);
    expect(await shop.stock()).toBe(10);
    const event = await eventually(async () => {
      const found = (await orderEvents(order.id)).find((candidate) => candidate.detailType === 'OrderCancelled');
      expect(found).toBeDefined();
      return found;
    });
    expect(event?.detail.data).toEqual({ orderId: order.id, groupId: shop.groupId, reason: 'other' });
  });

  it('lets the facilitator cancel a paid order with its refund, stock given back', async () => {
    const shop = await newShop();
    const order = await shop.placeOrder(4);
    await pay(shop.facilitator, order.id);

    const cancelled = await call('POST', `/orders/${order.id}/cancellation`, {
      token: shop.facilitator,
      body: { reason: 'out_of_stock', refund: { method: 'bank_transfer', reference: 'BCA-BACK' } },
    });

    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancellation: { by: 'facilitator' },
      payment: { method: 'bank_transfer' },
    });
    expect(await shop.stock()).toBe(10);
  });

  it('lets exactly one of a racing payment and cancellation win', async () => {
    const shop = await newShop();
    const orders = [await shop.placeOrder(1), await shop.placeOrder(1), await shop.placeOrder(1)];

    const raced = await Promise.all(
      orders.map((order) => Promise.all([pay(shop.facilitator, order.id), cancel(shop.buyer.token, order.id)])),
    );

    let cancelled = 0;
    for (const [paid, cancel] of raced) {
      expect([paid.status, cancel.status].sort()).toEqual([200, 409]);
      if (cancel.status === 200) cancelled += 1;
    }
    expect(await shop.stock()).toBe(10 - 3 + cancelled);
  });

  it('keeps a participant’s view of the order in step with the order', async () => {
    const shop = await newShop();
    const order = await shop.placeOrder();
    const facilitatorOfGroup = await tokenFor({ sub: `facilitator-${randomUUID()}`, roles: ['facilitator'], groupId: shop.groupId });

    await pay(facilitatorOfGroup, order.id);

    const asSeller = await call('GET', '/orders?status=paid', { token: shop.participantToken });
    const asBuyer = await call('GET', `/orders/${order.id}`, { token: shop.buyer.token });
    expect(asSeller.body.items).toMatchObject([
      { id: order.id, status: 'paid', paidAt: asBuyer.body.payment.paidAt, updatedAt: asBuyer.body.updatedAt },
    ]);
  });
});
