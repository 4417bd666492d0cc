import { describe, expect, it } from 'vitest';
import { call, eventually } from '#test/support/api/client';
import { midtransNotification, notifyMidtrans } from '#test/support/api/midtrans';
import { newShop, orderEvents, shipping } from '#test/support/api/shop';

const orderAs = async (token: string, orderId: string) => (await call('GET', `/orders/${orderId}`, { token })).body;

describe('Midtrans notifications', () => {
  it('pays the order on a settlement signed with the server key, once, announcing OrderPaid by midtrans', async () => {
    // Prepare
    const shop = await newShop();
    const order = await shop.placeOrder();
    const settled = midtransNotification(order.id, '170000.00');

    // Act
    const first = await notifyMidtrans(settled);
    const repeat = await notifyMidtrans(settled);

    // Assert
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ status: 'ok', result: 'paid' });
    expect(repeat.body).toEqual({ status: 'ok', result: 'unchanged' });
    expect(await orderAs(shop.buyer.token, order.id)).toMatchObject({
      status: 'paid',
      payment: { method: 'midtrans', reference: settled.transaction_id },
    });
    const events = await eventually(async () => {
      const found = await orderEvents(order.id);
      expect(found.map((event) => event.detailType)).toEqual(['OrderPlaced', 'OrderPaid']);
      return found;
    });
    expect(events[1]?.detail.data).toEqual({ orderId: order.id, groupId: shop.groupId, totalIdr: 170_000, method: 'midtrans' });
    const published = JSON.stringify(events);
    for (const value of [shipping.recipientName, shipping.address, '+6281234567890', shop.buyer.sub])
      expect(published).not.toContain(value);
  });

  it('refuses a wrong, missing or foreign-key signature with a 403, changing nothing', async () => {
    const shop = await newShop();
    const order = await shop.placeOrder();
    const { signature_key: _, ...unsigned } = midtransNotification(order.id, '170000.00');

    const responses = [
      await notifyMidtrans(midtransNotification(order.id, '170000.00', { signature_key: 'a'.repeat(128) })),
      await notifyMidtrans(midtransNotification(order.id, '170000.00', { signature_key: 'short' })),
      await notifyMidtrans(unsigned),
      await notifyMidtrans(midtransNotification(order.id, '170000.00', {}, 'SB-Mid-server-someone-else')),
      // Signed for one amount, sent with another: the signature no longer holds.
      await notifyMidtrans({ ...midtransNotification(order.id, '1.00'), gross_amount: '170000.00' }),
    ];

    expect(responses.map((response) => response.status)).toEqual([403, 403, 403, 403, 403]);
    expect(responses[0]?.headers.get('content-type')).toBe('application/problem+json');
    expect((await orderAs(shop.buyer.token, order.id)).status).toBe('placed');
  });

  it('refuses an amount other than the order total with a 422, and an unknown order with a 404', async () => {
    const shop = await newShop();
    const order = await shop.placeOrder();

    const wrongAmount = await notifyMidtrans(midtransNotification(order.id, '1000.00'));
    const fraction = await notifyMidtrans(midtransNotification(order.id, '170000.50'));
    const unknown = await notifyMidtrans(midtransNotification(`ord_${'0'.repeat(26)}`, '170000.00'));
    const foreign = await notifyMidtrans(midtransNotification('INV-2026-0001', '170000.00'));

    expect([wrongAmount.status, fraction.status, unknown.status, foreign.status]).toEqual([422, 422, 404, 404]);
    expect((await orderAs(shop.buyer.token, order.id)).status).toBe('placed');
  });

  it('cancels on expire as the payment provider, giving the stock back once', async () => {
    const shop = await newShop();
    const order = await shop.placeOrder(3);
    const expired = midtransNotification(order.id, '255000.00', { transaction_status: 'expire', status_code: '202', fraud_status: '' });

    const first = await notifyMidtrans(expired);
    const repeat = await notifyMidtrans(expired);

    expect([first.body.result, repeat.body.result]).toEqual(['cancelled', 'unchanged']);
    expect(await orderAs(shop.buyer.token, order.id)).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'payment_failed', by: 'payment-provider' },
    });
    expect(await shop.stock()).toBe(10);
    const cancelled = await eventually(async () => {
      const found = (await orderEvents(order.id)).filter((event) => event.detailType === 'OrderCancelled');
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(cancelled?.detail.data).toEqual({ orderId: order.id, groupId: shop.groupId, reason: 'payment_failed' });
  });

  it('answers a payment for a cancelled order with a 409 and leaves it cancelled', async () => {
    const shop = await newShop();
    const order = await shop.placeOrder();
    await call('POST', `/orders/${order.id}/cancellation`, { token: shop.buyer.token, body: { reason: 'buyer_request' } });

    const late = await notifyMidtrans(midtransNotification(order.id, '170000.00'));

    expect(late.status).toBe(409);
    expect((await orderAs(shop.buyer.token, order.id)).status).toBe('cancelled');
    expect(await shop.stock()).toBe(10);
  });

  it('changes nothing for pending, a challenged capture, or an expiry after the facilitator recorded payment', async () => {
    const shop = await newShop();
    const order = await shop.placeOrder();

    const pending = await notifyMidtrans(
      midtransNotification(order.id, '170000.00', { transaction_status: 'pending', status_code: '201' }),
    );
    const challenged = await notifyMidtrans(
      midtransNotification(order.id, '170000.00', { transaction_status: 'capture', fraud_status: 'challenge' }),
    );
    await call('POST', `/orders/${order.id}/payment`, { token: shop.facilitator, body: { method: 'cash', reference: 'Kuitansi 7' } });
    const expired = await notifyMidtrans(midtransNotification(order.id, '170000.00', { transaction_status: 'expire', status_code: '202' }));

    expect([pending, challenged, expired].map((response) => [response.status, response.body.result])).toEqual([
      [200, 'unchanged'],
      [200, 'unchanged'],
      [200, 'unchanged'],
    ]);
    expect(await orderAs(shop.buyer.token, order.id)).toMatchObject({ status: 'paid', payment: { method: 'cash' } });
  });

  it('needs no token but a JSON body with the signed fields', async () => {
    const notJson = await call('POST', '/payments/midtrans/notifications', {
      rawBody: 'order_id=x',
      headers: { 'content-type': 'text/plain' },
    });
    const missing = await notifyMidtrans({ order_id: 'ord_x', signature_key: 'x' });

    expect(notJson.status).toBe(415);
    expect(missing.status).toBe(400);
  });
});
