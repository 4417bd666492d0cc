import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SpawnedRuntime, spawnLocalRuntime } from '#infra/local/spawn-runtime';
import { call, eventually, useOwnRuntime } from '#test/support/api/client';
import { newShop } from '#test/support/api/shop';

/**
 * A group's month (issue 13): sales, one order nobody pays, one return refunded with restock, one refused, two payouts
 * and one refused for exceeding the balance, then the seller's statement and the group's report, every figure exact.
 * Its own runtime gives orders 15 seconds to be paid, so the expiry happens within the test.
 */
let runtime: SpawnedRuntime;

beforeAll(async () => {
  runtime = await spawnLocalRuntime({ port: 0, seed: false, env: { ORDER_PAYMENT_WINDOW_SECONDS: '15' } });
  useOwnRuntime(runtime.endpoints.apiUrl);
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
});

type Shop = Awaited<ReturnType<typeof newShop>>;

const step = async (token: string, orderId: string, path: string, body?: unknown) => {
  const answer = await call('POST', `/orders/${orderId}/${path}`, { token, ...(body === undefined ? {} : { body }) });
  expect([path, answer.status]).toEqual([path, 200]);
  return answer.body;
};

async function delivered(shop: Shop, quantity: number) {
  const order = await shop.placeOrder(quantity);
  await step(shop.facilitator, order.id, 'payment', { method: 'cash', reference: `KW-${order.id.slice(-4)}` });
  await step(shop.facilitator, order.id, 'shipment', { courier: 'jne', trackingNumber: `JNE-${order.id.slice(-4)}` });
  await step(shop.buyer.token, order.id, 'delivery');
  return order;
}

describe('a month of sales, returns and payouts', () => {
  it('ends with the statement and the report agreeing to the rupiah', async () => {
    // Prepare: a seller with a bag at 85,000 (stock 10) and a share of 80 %
    const shop = await newShop();
    const { participant, facilitator, officer } = shop;
    const earningsPath = `/participants/${participant.id}/earnings`;
    const earnings = async () => (await call('GET', earningsPath, { token: facilitator })).body;

    // Act: sales
    const kept = await delivered(shop, 2); // 170,000, credited 136,000
    const returned = await delivered(shop, 1); // 85,000, credited 68,000, then refunded with restock
    const refused = await delivered(shop, 1); // 85,000, credited 68,000; its return is refused
    const unpaid = await shop.placeOrder(1); // never paid: expires
    await eventually(async () => expect((await earnings()).creditedIdr).toBe(272_000));

    // Act: returns
    await step(shop.buyer.token, returned.id, 'returns', { reason: 'damaged', note: 'Jahitan lepas' });
    await step(facilitator, returned.id, 'refund', { method: 'bank_transfer', reference: 'BCA-BACK-1', restock: true });
    await step(shop.buyer.token, refused.id, 'returns', { reason: 'not_as_described' });
    await step(facilitator, refused.id, 'return-refusal', { note: 'Sesuai foto' });
    const askedAgain = await call('POST', `/orders/${refused.id}/returns`, { token: shop.buyer.token, body: { reason: 'other' } });
    await eventually(async () => expect((await earnings()).reversedIdr).toBe(68_000));

    // Act: the unpaid order lapses
    const expired = await eventually(
      async () => {
        const order = (await call('GET', `/orders/${unpaid.id}`, { token: shop.buyer.token })).body;
        expect(order.status).toBe('cancelled');
        return order;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );

    // Act: payouts, up to the balance of 204,000 and no further
    const today = new Date().toISOString().slice(0, 10);
    const pay = (amountIdr: number, reference: string) =>
      call('POST', `/participants/${participant.id}/payouts`, {
        token: facilitator,
        headers: { 'idempotency-key': randomUUID() },
        body: { amountIdr, method: 'cash', reference, paidOn: today },
      });
    const first = await pay(150_000, 'Kwitansi 1');
    const second = await pay(50_000, 'Kwitansi 2');
    const tooMuch = await pay(5_000, 'Kwitansi 3');
    const statement = (await call('GET', `/participants/${participant.id}/statement`, { token: facilitator })).body;
    const report = await eventually(async () => {
      const body = (await call('GET', `/reports/groups/${shop.groupId}`, { token: officer })).body;
      expect(body.payoutsIdr).toBe(200_000);
      expect(body.orders.refunded).toBe(1);
      expect(body.orders.cancelled).toBe(1);
      return body;
    });

    // Assert: the orders
    expect(askedAgain.status).toBe(409);
    expect(expired.cancellation).toMatchObject({ reason: 'payment_expired', by: 'system' });
    // 10 − 2 − 1 − 1 − 1 sold, + 1 restocked by the refund, + 1 given back by the expiry
    expect(await shop.stock()).toBe(7);

    // Assert: the money
    expect([first.status, second.status, tooMuch.status]).toEqual([201, 201, 422]);
    expect(await earnings()).toMatchObject({
      creditedIdr: 272_000,
      reversedIdr: 68_000,
      totalIdr: 204_000,
      paidOutIdr: 200_000,
      balanceIdr: 4_000,
    });
    expect(statement.openingBalanceIdr).toBe(0);
    expect(statement.closingBalanceIdr).toBe(4_000);
    const lines = statement.lines.map((line: { kind: string; orderId?: string; payoutId?: string; amountIdr: number; date: string }) => [
      line.date,
      line.kind,
      line.orderId ?? line.payoutId,
      line.amountIdr,
    ]);
    expect(lines).toHaveLength(6);
    expect(lines).toEqual(
      expect.arrayContaining([
        [today, 'credit', kept.id, 136_000],
        [today, 'credit', returned.id, 68_000],
        [today, 'credit', refused.id, 68_000],
        [today, 'reversal', returned.id, -68_000],
        [today, 'payout', first.body.id, -150_000],
        [today, 'payout', second.body.id, -50_000],
      ]),
    );

    // Assert: the report of this month, each figure from its events
    expect(report).toEqual({
      groupId: shop.groupId,
      from: statement.from,
      to: statement.to,
      participants: { registered: 1, enrolled: 1, completedTraining: 1, activeSellers: 1 },
      products: { listed: 1 },
      orders: { placed: 4, paid: 3, delivered: 3, cancelled: 1, refunded: 1 },
      revenueIdr: 340_000,
      refundedIdr: 85_000,
      participantEarningsIdr: 204_000,
      payoutsIdr: 200_000,
      wasteRecycledGrams: 4 * 240,
      mentoring: { sessions: 0, participants: 0 },
      placements: { started: 0, internship: 0, job: 0, ownBusiness: 0, ended: 0 },
      followUps: { done: 0, working: 0 },
    });
  }, 90_000);
});
