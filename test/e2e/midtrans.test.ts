import { describe, expect, it } from 'vitest';
import { call, eventually } from '#test/support/api/client';
import { midtransNotification, midtransStatus, notifyMidtrans, setMidtransTransaction } from '#test/support/api/midtrans';
import { newShop, orderEvents, orderEventsAfterPlacement, shipping } from '#test/support/api/shop';

const orderAs = async (token: string, orderId: string) => (await call('GET', `/orders/${orderId}`, { token })).body;

describe('Midtrans notifications', () => {
  it('pays the order on a signed settlement Midtrans confirms, once, announcing OrderPaid by midtrans', async () => {
    // Prepare
    const shop = await newShop();
    const order = await shop.placeOrder();
    const confirmed = await setMidtransTransaction({ order_id: order.id, transaction_status: 'settlement', gross_amount: '170000.00' });
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
      payment: { method: 'midtrans', reference: confirmed.transaction_id },
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

  it('answers an unknown order with a 404', async () => {
    const unknown = await notifyMidtrans(midtransNotification(`ord_${'0'.repeat(26)}`, '170000.00'));
    const foreign = await notifyMidtrans(midtransNotification('INV-2026-0001', '170000.00'));

    expect([unknown.status, foreign.status]).toEqual([404, 404]);
  });

  it('changes nothing for a genuine pending notification edited to settlement, since Midtrans says pending', async () => {
    // Prepare: Midtrans signed a pending notification (status_code 201); its unsigned status was rewritten
    const shop = await newShop();
    const order = await shop.placeOrder();
    await setMidtransTransaction({ order_id: order.id, transaction_status: 'pending', gross_amount: '170000.00' });
    const genuine = midtransNotification(order.id, '170000.00', { transaction_status: 'pending', status_code: '201', fraud_status: '' });

    // Act
    const edited = await notifyMidtrans({ ...genuine, transaction_status: 'settlement', fraud_status: 'accept' });

    // Assert
    expect([edited.status, edited.body]).toEqual([200, { status: 'ok', result: 'unchanged' }]);
    expect((await orderAs(shop.buyer.token, order.id)).status).toBe('placed');
    expect((await orderEventsAfterPlacement(order.id)).map((event) => event.detailType)).toEqual(['OrderPlaced']);
  });

  it('changes nothing when Midtrans confirms another amount than the order total, or holds no transaction', async () => {
    const shop = await newShop();
    const mismatched = await shop.placeOrder();
    const unknown = await shop.placeOrder();
    await setMidtransTransaction({ order_id: mismatched.id, transaction_status: 'settlement', gross_amount: '1000.00' });

    const wrongAmount = await notifyMidtrans(midtransNotification(mismatched.id, '170000.00'));
    const noTransaction = await notifyMidtrans(midtransNotification(unknown.id, '170000.00'));

    expect([wrongAmount, noTransaction].map((response) => [response.status, response.body.result])).toEqual([
      [200, 'unchanged'],
      [200, 'unchanged'],
    ]);
    expect((await orderAs(shop.buyer.token, mismatched.id)).status).toBe('placed');
    expect((await orderAs(shop.buyer.token, unknown.id)).status).toBe('placed');
  });

  it('cancels on expire as the payment provider, giving the stock back once', async () => {
    const shop = await newShop();
    const order = await shop.placeOrder(3);
    await setMidtransTransaction({ order_id: order.id, transaction_status: 'expire', gross_amount: '255000.00' });
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
    await setMidtransTransaction({ order_id: order.id, transaction_status: 'settlement', gross_amount: '170000.00' });

    const late = await notifyMidtrans(midtransNotification(order.id, '170000.00'));

    expect(late.status).toBe(409);
    expect((await orderAs(shop.buyer.token, order.id)).status).toBe('cancelled');
    expect(await shop.stock()).toBe(10);
  });

  it('changes nothing for pending, a challenged capture, or an expiry after the facilitator recorded payment', async () => {
    const shop = await newShop();
    const order = await shop.placeOrder();
    const midtransSays = (transaction_status: string, fraud_status?: string) =>
      setMidtransTransaction({
        order_id: order.id,
        transaction_status,
        gross_amount: '170000.00',
        ...(fraud_status ? { fraud_status } : {}),
      });

    await midtransSays('pending');
    const pending = await notifyMidtrans(
      midtransNotification(order.id, '170000.00', { transaction_status: 'pending', status_code: '201' }),
    );
    await midtransSays('capture', 'challenge');
    const challenged = await notifyMidtrans(
      midtransNotification(order.id, '170000.00', { transaction_status: 'capture', fraud_status: 'challenge' }),
    );
    await call('POST', `/orders/${order.id}/payment`, { token: shop.facilitator, body: { method: 'cash', reference: 'Kuitansi 7' } });
    await midtransSays('expire');
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

describe('the local Midtrans stand-in', () => {
  it('answers Get Status as Midtrans does, only to the local server key', async () => {
    // Prepare
    const orderId = `ord_${'1'.repeat(26)}`;
    const set = await setMidtransTransaction({
      order_id: orderId,
      transaction_status: 'capture',
      gross_amount: '90000.00',
      fraud_status: 'accept',
    });
    await setMidtransTransaction({ order_id: `ord_${'2'.repeat(26)}`, transaction_status: 'expire', gross_amount: '5000.00' });

    // Act
    const found = await midtransStatus(orderId);
    const expired = await midtransStatus(`ord_${'2'.repeat(26)}`);
    const missing = await midtransStatus(`ord_${'3'.repeat(26)}`);
    const wrongKey = await midtransStatus(orderId, 'SB-Mid-server-someone-else');
    const noKey = await call('GET', `/_local/midtrans/v2/${orderId}/status`);

    // Assert
    expect([found.status, found.body]).toEqual([
      200,
      {
        status_code: '200',
        status_message: 'Success, transaction is found',
        transaction_id: set.transaction_id,
        order_id: orderId,
        gross_amount: '90000.00',
        currency: 'IDR',
        payment_type: 'bank_transfer',
        transaction_time: expect.any(String),
        transaction_status: 'capture',
        fraud_status: 'accept',
      },
    ]);
    expect(expired.body).toMatchObject({ status_code: '202', transaction_status: 'expire' });
    expect(expired.body).not.toHaveProperty('fraud_status');
    expect([missing.status, missing.body]).toEqual([200, { status_code: '404', status_message: "Transaction doesn't exist." }]);
    expect([wrongKey.status, wrongKey.body.status_code, noKey.status]).toEqual([401, '401', 401]);
    expect(JSON.stringify(wrongKey.body)).not.toContain('90000');
  });

  it('sets a transaction only from a complete body, and says pending with status_code 201', async () => {
    const orderId = `ord_${'4'.repeat(26)}`;

    const incomplete = await call('POST', '/_local/midtrans/transactions', { body: { order_id: orderId } });
    const pending = await setMidtransTransaction({ order_id: orderId, transaction_status: 'pending', gross_amount: '1.00' });

    expect(incomplete.status).toBe(400);
    expect(incomplete.headers.get('content-type')).toBe('application/problem+json');
    expect(pending).toMatchObject({ status_code: '201', transaction_status: 'pending', transaction_id: expect.any(String) });
    expect((await midtransStatus(orderId)).body.status_code).toBe('201');
  });
});
