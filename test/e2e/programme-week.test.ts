import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BusEvent, busStatus, putEvent } from '#test/support/api/bus';
import { call, eventually, tokenFor } from '#test/support/api/client';
import { deadLetters } from '#test/support/api/dead-letters';
import { midtransNotification, notifyMidtrans, setMidtransTransaction } from '#test/support/api/midtrans';
import { noFigures, reportCsvHeader } from '#test/support/report';
import { newGroupScenario } from '#test/support/api/scenario';
import { newProduct, orderEvents, shipping } from '#test/support/api/shop';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

interface Shop {
  facilitator: string;
  buyer: string;
}

/** Walks an order along the lifecycle routes, each step answered 200. */
async function walk(orderId: string, { facilitator, buyer }: Shop, steps: readonly ('pay' | 'ship' | 'deliver' | 'cancel')[]) {
  const requests = {
    pay: () => call('POST', `/orders/${orderId}/payment`, { token: facilitator, body: { method: 'cash', reference: 'KWITANSI-7' } }),
    ship: () => call('POST', `/orders/${orderId}/shipment`, { token: facilitator, body: { courier: 'jne', trackingNumber: 'JNE0001' } }),
    deliver: () => call('POST', `/orders/${orderId}/delivery`, { token: buyer }),
    cancel: () => call('POST', `/orders/${orderId}/cancellation`, { token: buyer, body: { reason: 'buyer_request' } }),
  };
  for (const step of steps) expect((await requests[step]()).status).toBe(200);
}

/**
 * A week of a group's programme, all through the API: three participants registered and enrolled, two trained and
 * selling, two products listed (and a draft), six orders in every state (paid by hand and by Midtrans, delivered by
 * the buyer, cancelled by the buyer and by an expired Midtrans payment), one OrderDelivered delivered twice, and a
 * payout.
 */
async function programmeWeek() {
  const scenario = await newGroupScenario({ sessionsRequired: 1 });
  const siti = await scenario.eligibleParticipant();
  const budi = await scenario.eligibleParticipant();
  await scenario.enrolledParticipant({ motivation: 3, notes: 'Baru mulai' });

  const product = async (token: string, priceIdr: number, grams: number[], list = true) => {
    const materials = grams.map((g, index) => ({ material: `bahan-${index}`, grams: g }));
    return (await newProduct(token, { priceIdr, stock: 20, materials }, list)).id;
  };
  const bag = await product(siti.participantToken, 85_000, [200, 40]); // 240 g a bag
  const mat = await product(budi.participantToken, 60_000, [400]); // 400 g a mat
  await product(siti.participantToken, 10_000, [5], false);

  const buyer = await tokenFor({ sub: `buyer-${randomUUID()}`, roles: ['buyer'] });
  const shop = { facilitator: scenario.facilitator, buyer };
  const order = async (items: { productId: string; quantity: number }[]) => {
    const placed = await call('POST', '/orders', { token: buyer, headers: { 'idempotency-key': randomUUID() }, body: { items, shipping } });
    expect(placed.status).toBe(201);
    return placed.body as { id: string; totalIdr: number };
  };
  const deliveredByHand = await order([
    { productId: bag, quantity: 2 },
    { productId: mat, quantity: 1 },
  ]); // 230,000
  const paidByMidtrans = await order([{ productId: bag, quantity: 1 }]); // 85,000
  const cancelledByBuyer = await order([{ productId: mat, quantity: 1 }]);
  const expired = await order([{ productId: bag, quantity: 1 }]);
  const paidOnly = await order([{ productId: mat, quantity: 2 }]);
  await order([{ productId: mat, quantity: 1 }]); // stays placed

  await walk(deliveredByHand.id, shop, ['pay', 'ship', 'deliver']);
  await setMidtransTransaction({ order_id: paidByMidtrans.id, transaction_status: 'settlement', gross_amount: '85000.00' });
  expect((await notifyMidtrans(midtransNotification(paidByMidtrans.id, '85000.00'))).status).toBe(200);
  await walk(paidByMidtrans.id, shop, ['ship', 'deliver']);
  await walk(cancelledByBuyer.id, shop, ['cancel']);
  await setMidtransTransaction({ order_id: expired.id, transaction_status: 'expire', gross_amount: '85000.00' });
  const expiry = midtransNotification(expired.id, '85000.00', { transaction_status: 'expire', status_code: '407' });
  expect((await notifyMidtrans(expiry)).status).toBe(200);
  await walk(paidOnly.id, shop, ['pay']);

  // EventBridge delivers at least once: the lifecycle's own OrderDelivered comes again, with the same event id.
  const delivered = await eventually(async () => {
    const found = (await orderEvents(deliveredByHand.id)).find((event) => event.detailType === 'OrderDelivered');
    expect(found).toBeDefined();
    return found as BusEvent;
  });
  await putEvent(delivered);

  // Once her two deliveries are credited, the facilitator pays Siti part of them.
  const sitiPath = `/participants/${siti.participant.id}`;
  await eventually(async () =>
    expect((await call('GET', `${sitiPath}/earnings`, { token: scenario.facilitator })).body.balanceIdr).toBe(204_000),
  );
  const payout = { amountIdr: 150_000, method: 'bank_transfer', reference: 'TRF-0007', paidOn: day(0) };
  const paid = await call('POST', `${sitiPath}/payouts`, {
    token: scenario.facilitator,
    headers: { 'idempotency-key': randomUUID() },
    body: payout,
  });
  expect(paid.status).toBe(201);
  return { ...scenario, siti, budi, duplicated: delivered.detail.metadata?.eventId as string };
}

describe('the group report over a scripted week of the programme', () => {
  let week: Awaited<ReturnType<typeof programmeWeek>>;
  // Yesterday to tomorrow: every event of this test, even if it runs across midnight UTC.
  const range = () => `?from=${day(-1)}&to=${day(1)}`;

  const expected = () => ({
    groupId: week.groupId,
    from: day(-1),
    to: day(1),
    participants: { registered: 3, enrolled: 3, completedTraining: 2, activeSellers: 2 },
    products: { listed: 2 },
    orders: { placed: 6, paid: 3, delivered: 2, cancelled: 2, refunded: 0 },
    // 230,000 + 85,000 delivered
    revenueIdr: 315_000,
    refundedIdr: 0,
    // 80 % of each delivered line: 136,000 + 48,000 + 68,000
    participantEarningsIdr: 252_000,
    payoutsIdr: 150_000,
    // 2 × 240 g + 1 × 400 g + 1 × 240 g
    wasteRecycledGrams: 1_120,
    mentoring: { sessions: 0, participants: 0 },
    placements: { started: 0, internship: 0, job: 0, ownBusiness: 0, ended: 0 },
    followUps: { done: 0, working: 0 },
  });

  beforeAll(async () => {
    week = await programmeWeek();
    // Every event handled, the duplicate included, before a figure is read.
    await eventually(
      async () => {
        const status = await busStatus();
        expect(status.recent.filter((event) => event.detail.metadata?.eventId === week.duplicated)).toHaveLength(2);
        expect([status.pending, status.stream.pending]).toEqual([0, 0]);
        const report = await call('GET', `/reports/groups/${week.groupId}${range()}`, { token: week.facilitator });
        expect([report.body.participantEarningsIdr, report.body.payoutsIdr]).toEqual([252_000, 150_000]);
      },
      { timeoutMs: 30_000 },
    );
  }, 120_000);

  it('counts every figure exactly, the twice-delivered event once', async () => {
    // Act
    const report = await call('GET', `/reports/groups/${week.groupId}${range()}`, { token: week.officer });

    // Assert
    expect(report.status).toBe(200);
    expect(report.body).toEqual(expected());
    expect(JSON.stringify(await deadLetters())).not.toContain(week.groupId);
  });

  it('agrees with the earnings credited to each seller and paid out', async () => {
    // Act
    const [siti, budi] = await Promise.all(
      [week.siti, week.budi].map(({ participant }) => call('GET', `/participants/${participant.id}/earnings`, { token: week.facilitator })),
    );

    // Assert
    expect([siti?.body.totalIdr, budi?.body.totalIdr]).toEqual([136_000 + 68_000, 48_000]);
    expect([siti?.body.paidOutIdr, budi?.body.paidOutIdr]).toEqual([150_000, 0]);
  });

  it('answers the same figures as CSV', async () => {
    // Act
    const csv = await call('GET', `/reports/groups/${week.groupId}${range()}&format=csv`, { token: week.admin });

    // Assert
    const figures = expected();
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe(
      `${reportCsvHeader}\r\n` +
        [
          figures.groupId,
          figures.from,
          figures.to,
          3,
          3,
          2,
          2,
          2,
          6,
          3,
          2,
          2,
          315000,
          252000,
          1120,
          0,
          0,
          150000,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
        ].join(',') +
        '\r\n',
    );
  });

  it('counts nothing in the days before the week', async () => {
    // Act
    const before = await call('GET', `/reports/groups/${week.groupId}?from=${day(-30)}&to=${day(-2)}`, { token: week.facilitator });

    // Assert
    expect(before.body).toEqual({ groupId: week.groupId, from: day(-30), to: day(-2), ...noFigures });
  });
});
