import { describe, expect, it } from 'vitest';
import { call, eventually } from '#test/support/api/client';
import { newShop, orderEvents, orderEventsAfterPlacement, shipping } from '#test/support/api/shop';

type Shop = Awaited<ReturnType<typeof newShop>>;

const step = (token: string, orderId: string, path: string, body?: unknown) =>
  call('POST', `/orders/${orderId}/${path}`, { token, ...(body === undefined ? {} : { body }) });
const askReturn = (token: string, orderId: string, body: unknown = { reason: 'damaged', note: returnNote }) =>
  step(token, orderId, 'returns', body);
const refund = (token: string, orderId: string, body: unknown = { method: 'bank_transfer', reference: refundReference, restock: true }) =>
  step(token, orderId, 'refund', body);
const refuse = (token: string, orderId: string, body: unknown = { note: refusalNote }) => step(token, orderId, 'return-refusal', body);

const returnNote = 'Jahitan lepas, hubungi 0812 3456 7890';
const refusalNote = 'Sudah dipakai, bukan cacat';
const refundReference = 'BCA-BACK-0042';

/** Everything personal or free-text the order holds: none of it may leave in an event or reach a seller. */
const private_ = [
  shipping.recipientName,
  shipping.address,
  '+6281234567890',
  shipping.postalCode,
  returnNote,
  refusalNote,
  refundReference,
];

/** An order of 2 (stock 10 → 8) taken to delivered by the facilitator. */
async function deliveredOrder(shop: Shop) {
  const order = await shop.placeOrder();
  expect((await step(shop.facilitator, order.id, 'payment', { method: 'cash', reference: 'KW-001' })).status).toBe(200);
  expect((await step(shop.facilitator, order.id, 'shipment', { courier: 'jne', trackingNumber: 'JNE0001' })).status).toBe(200);
  expect((await step(shop.facilitator, order.id, 'delivery')).status).toBe(200);
  return order;
}

const typesOf = async (orderId: string) => (await orderEvents(orderId)).map((event) => event.detailType);

describe('returns and refunds', () => {
  it('takes a delivered order through a return and a refund with restock: stock back, earnings reversed, ids only on the bus', async () => {
    // Prepare
    const shop = await newShop();
    const order = await deliveredOrder(shop);
    const earnings = () => call('GET', `/participants/${shop.participant.id}/earnings`, { token: shop.participantToken });
    await eventually(async () => expect((await earnings()).body.creditedIdr).toBe(136_000));

    // Act
    const requested = await askReturn(shop.buyer.token, order.id);
    const refunded = await refund(shop.facilitator, order.id);

    // Assert
    expect(requested.status).toBe(200);
    expect(requested.body).toMatchObject({ status: 'return_requested', returnRequest: { reason: 'damaged', note: returnNote } });
    expect(refunded.status).toBe(200);
    expect(refunded.body).toMatchObject({
      status: 'refunded',
      returnRequest: requested.body.returnRequest,
      refund: { method: 'bank_transfer', reference: refundReference, refundedAt: refunded.body.updatedAt, restocked: true },
    });
    expect(await shop.stock()).toBe(10);
    const events = await eventually(async () => {
      const found = await orderEvents(order.id);
      expect(found.map((event) => event.detailType)).toEqual([
        'OrderPlaced',
        'OrderPaid',
        'OrderShipped',
        'OrderDelivered',
        'ReturnRequested',
        'OrderRefunded',
      ]);
      return found;
    });
    expect(events.slice(4).map((event) => event.detail.data)).toEqual([
      { orderId: order.id, groupId: shop.groupId, reason: 'damaged' },
      { orderId: order.id, groupId: shop.groupId, totalIdr: 170_000, method: 'bank_transfer' },
    ]);
    const published = JSON.stringify(events);
    for (const value of [...private_, shop.buyer.sub]) expect(published).not.toContain(value);
    await eventually(async () =>
      expect((await earnings()).body).toMatchObject({ creditedIdr: 136_000, reversedIdr: 136_000, totalIdr: 0 }),
    );
  });

  it('shows the seller of a refunded order when it came back and was refunded, never the reference or the note', async () => {
    const shop = await newShop();
    const order = await deliveredOrder(shop);
    const requested = await askReturn(shop.buyer.token, order.id);
    const refunded = await refund(shop.facilitator, order.id, { method: 'cash', reference: refundReference, restock: false });

    const asSeller = await call('GET', `/orders/${order.id}`, { token: shop.participantToken });
    const listed = await call('GET', '/orders?status=refunded', { token: shop.participantToken });

    expect(asSeller.status).toBe(200);
    expect(asSeller.body).toMatchObject({
      id: order.id,
      status: 'refunded',
      returnRequestedAt: requested.body.returnRequest.requestedAt,
      refundedAt: refunded.body.refund.refundedAt,
      updatedAt: refunded.body.updatedAt,
    });
    expect(listed.body.items).toEqual([asSeller.body]);
    for (const field of ['returnRequest', 'refund', 'shipping', 'buyerSub', 'payment']) expect(asSeller.body).not.toHaveProperty(field);
    const seen = JSON.stringify([asSeller.body, listed.body]);
    for (const value of [...private_, shop.buyer.sub, 'damaged']) expect(seen).not.toContain(value);
    expect(await shop.stock()).toBe(8);
  });

  it('refuses a return for good: no event, and a second request is a 409', async () => {
    const shop = await newShop();
    const order = await deliveredOrder(shop);
    await askReturn(shop.buyer.token, order.id);

    const refused = await refuse(shop.facilitator, order.id);
    const again = await askReturn(shop.buyer.token, order.id, { reason: 'wrong_item' });
    const refundAfter = await refund(shop.facilitator, order.id);
    const asSeller = await call('GET', `/orders/${order.id}`, { token: shop.participantToken });

    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({
      status: 'return_refused',
      returnRefusal: { note: refusalNote, refusedAt: refused.body.updatedAt },
    });
    expect([again.status, refundAfter.status]).toEqual([409, 409]);
    expect(again.body.detail).toBe('The order is return_refused. A return can be requested only while it is delivered');
    expect(asSeller.body).toMatchObject({ status: 'return_refused', returnRefusedAt: refused.body.updatedAt });
    expect(JSON.stringify(asSeller.body)).not.toContain(refusalNote);
    await eventually(async () => expect(await typesOf(order.id)).toContain('ReturnRequested'));
    expect(await typesOf(order.id)).not.toContain('OrderRefunded');
    expect(await shop.stock()).toBe(8);
  });

  it('refuses the wrong role (403) and the wrong moment (409)', async () => {
    const shop = await newShop();
    const placed = await shop.placeOrder(1);
    const delivered = await deliveredOrder(shop);

    const byRole = [
      (await askReturn(shop.facilitator, delivered.id)).status,
      (await askReturn(shop.participantToken, delivered.id)).status,
    ];
    await askReturn(shop.buyer.token, delivered.id);
    byRole.push((await refund(shop.buyer.token, delivered.id)).status, (await refuse(shop.buyer.token, delivered.id)).status);
    const returnWhilePlaced = await askReturn(shop.buyer.token, placed.id);
    const refundWhilePlaced = await refund(shop.facilitator, placed.id);
    const refusalWhilePlaced = await refuse(shop.facilitator, placed.id);

    expect(byRole).toEqual([403, 403, 403, 403]);
    for (const refused of [returnWhilePlaced, refundWhilePlaced, refusalWhilePlaced]) {
      expect(refused.status).toBe(409);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(refused.body.detail).toMatch(/^The order is placed\./);
    }
    expect((await call('GET', `/orders/${delivered.id}`, { token: shop.buyer.token })).body.status).toBe('return_requested');
  });

  it('validates the bodies, naming the field (400)', async () => {
    const shop = await newShop();
    const order = await deliveredOrder(shop);

    const responses = [
      await askReturn(shop.buyer.token, order.id, { reason: 'changed_mind' }),
      await askReturn(shop.buyer.token, order.id, { reason: 'other', note: 'x'.repeat(201) }),
      await step(shop.buyer.token, order.id, 'returns'),
      await refund(shop.facilitator, order.id, { method: 'midtrans', reference: 'x', restock: true }),
      await refund(shop.facilitator, order.id, { method: 'cash', reference: 'x' }),
      await refuse(shop.facilitator, order.id, { note: '  ' }),
      await refuse(shop.facilitator, order.id, { note: 'x', by: 'admin' }),
    ];

    expect(responses.map((response) => response.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
    expect(responses.map((response) => response.body.errors?.[0]?.path)).toEqual([
      'body.reason',
      'body.note',
      'body',
      'body.method',
      'body.restock',
      'body.note',
      'body.by',
    ]);
    expect((await call('GET', `/orders/${order.id}`, { token: shop.buyer.token })).body.status).toBe('delivered');
  });
});

describe('cancelling a paid order with its refund', () => {
  it('needs the refund (422 naming it), and a placed order takes none', async () => {
    const shop = await newShop();
    const paid = await shop.placeOrder(1);
    const placed = await shop.placeOrder(1);
    await step(shop.facilitator, paid.id, 'payment', { method: 'cash', reference: 'KW-001' });

    const withoutRefund = await step(shop.facilitator, paid.id, 'cancellation', { reason: 'out_of_stock' });
    const needlessRefund = await step(shop.buyer.token, placed.id, 'cancellation', {
      reason: 'buyer_request',
      refund: { method: 'cash', reference: 'x' },
    });
    const badRefund = await step(shop.facilitator, paid.id, 'cancellation', { reason: 'other', refund: { method: 'cash' } });

    expect([withoutRefund.status, needlessRefund.status, badRefund.status]).toEqual([422, 422, 400]);
    expect(withoutRefund.headers.get('content-type')).toBe('application/problem+json');
    expect(withoutRefund.body.errors).toEqual([{ path: 'body.refund', message: 'Required to cancel a paid order' }]);
    expect(needlessRefund.body.errors).toEqual([{ path: 'body.refund', message: 'Only for a paid order' }]);
    expect(badRefund.body.errors).toEqual([{ path: 'body.refund.reference', message: expect.any(String) }]);
    expect((await call('GET', `/orders/${paid.id}`, { token: shop.buyer.token })).body.status).toBe('paid');
    expect((await call('GET', `/orders/${placed.id}`, { token: shop.buyer.token })).body.status).toBe('placed');
    const before = await orderEventsAfterPlacement(paid.id);
    expect(before.map((event) => event.detailType)).not.toContain('OrderCancelled');
    expect(await shop.stock()).toBe(8);
  });

  it('cancels with the refund: stock back, OrderCancelled and OrderRefunded with ids and figures only', async () => {
    const shop = await newShop();
    const order = await shop.placeOrder(3);
    await step(shop.facilitator, order.id, 'payment', { method: 'cash', reference: 'KW-001' });

    const cancelled = await step(shop.facilitator, order.id, 'cancellation', {
      reason: 'out_of_stock',
      note: 'Bahan habis',
      refund: { method: 'qris', reference: refundReference },
    });

    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'out_of_stock', by: 'facilitator', note: 'Bahan habis' },
      payment: { method: 'cash', reference: 'KW-001' },
      refund: { method: 'qris', reference: refundReference, refundedAt: cancelled.body.updatedAt, restocked: true },
    });
    expect(await shop.stock()).toBe(10);
    const events = await eventually(async () => {
      const found = await orderEvents(order.id);
      expect(found.map((event) => event.detailType)).toEqual(['OrderPlaced', 'OrderPaid', 'OrderCancelled', 'OrderRefunded']);
      return found;
    });
    expect(events.slice(2).map((event) => event.detail.data)).toEqual([
      { orderId: order.id, groupId: shop.groupId, reason: 'out_of_stock' },
      { orderId: order.id, groupId: shop.groupId, totalIdr: 255_000, method: 'qris' },
    ]);
    const published = JSON.stringify(events);
    for (const value of [...private_, 'Bahan habis', shop.buyer.sub]) expect(published).not.toContain(value);
    const asSeller = await call('GET', `/orders/${order.id}`, { token: shop.participantToken });
    expect(asSeller.body).toMatchObject({ status: 'cancelled', refundedAt: cancelled.body.updatedAt });
    expect(JSON.stringify(asSeller.body)).not.toContain(refundReference);
  });
});
