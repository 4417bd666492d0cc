import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { EarningsCredited } from '#events/earnings-credited';
import { EarningsReversed } from '#events/earnings-reversed';
import type { EventContract } from '#events/event-contract';
import { OrderCancelled } from '#events/order-cancelled';
import { OrderDelivered } from '#events/order-delivered';
import { OrderPaid } from '#events/order-paid';
import { OrderRefunded } from '#events/order-refunded';
import { PayoutRecorded } from '#events/payout-recorded';
import { MentoringRecorded } from '#events/mentoring-recorded';
import { PlacementEnded } from '#events/placement-ended';
import { PlacementStarted } from '#events/placement-started';
import { newId } from '#shared/kernel/ids';
import { busStatus, putEvent } from '#test/support/api/bus';
import { call, eventually, tokenFor } from '#test/support/api/client';
import { deadLetters } from '#test/support/api/dead-letters';
import { noFigures, reportCsvHeader } from '#test/support/report';
import { newGroupScenario } from '#test/support/api/scenario';
import { newProduct, shipping } from '#test/support/api/shop';

/** Publishes an event onto the local bus as its producer's relay would, with the time and id given. */
async function publish(contract: EventContract, data: Record<string, unknown>, occurredAt: string, eventId = newId('evt')) {
  const detail = { metadata: { eventId, occurredAt, version: 1 }, data };
  const result = await putEvent({ source: contract.source, detailType: contract.detailType, detail });
  expect(result.FailedEntryCount).toBe(0);
  return eventId;
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * A group built through the API (three participants, two trained sellers, two listed products, three orders),
 * then the order lifecycle, earnings, a refund and payouts as synthetic events dated in mid-2025, a delivery, the
 * refund and its reversal each delivered twice.
 */
async function reportedGroup() {
  const scenario = await newGroupScenario({ sessionsRequired: 1 });
  const siti = await scenario.eligibleParticipant();
  const budi = await scenario.eligibleParticipant();
  await scenario.registerParticipant();
  const product = async (token: string, priceIdr: number, materials: { material: string; grams: number }[], list = true) =>
    (await newProduct(token, { priceIdr, materials }, list)).id;
  // 240 g and 400 g a piece; a draft is never counted as listed
  const bag = await product(siti.participantToken, 85_000, [
    { material: 'plastik', grams: 200 },
    { material: 'kain perca', grams: 40 },
  ]);
  const mat = await product(budi.participantToken, 60_000, [{ material: 'bungkus kopi', grams: 400 }]);
  await product(siti.participantToken, 10_000, [{ material: 'plastik', grams: 1 }], false);
  const buyer = await tokenFor({ sub: `buyer-${randomUUID()}`, roles: ['buyer'] });
  const order = async (items: { productId: string; quantity: number }[]) => {
    const placed = await call('POST', '/orders', { token: buyer, headers: { 'idempotency-key': randomUUID() }, body: { items, shipping } });
    expect(placed.status).toBe(201);
    return placed.body.id as string;
  };
  const first = await order([
    { productId: bag, quantity: 2 },
    { productId: mat, quantity: 1 },
  ]); // 230,000
  const second = await order([{ productId: bag, quantity: 1 }]); // 85,000
  const third = await order([{ productId: mat, quantity: 2 }]); // 120,000

  const { groupId } = scenario;
  const sitiId = siti.participant.id as string;
  const budiId = budi.participant.id as string;
  await publish(OrderPaid, { orderId: first, groupId, totalIdr: 230_000, method: 'bank_transfer' }, '2025-06-29T10:00:00.000Z');
  await publish(OrderPaid, { orderId: second, groupId, totalIdr: 85_000, method: 'qris' }, '2025-06-30T23:59:59.999Z');
  const delivered = await publish(OrderDelivered, { orderId: first, groupId }, '2025-06-30T08:00:00.000Z');
  // EventBridge delivers at least once: the very same event again
  await publish(OrderDelivered, { orderId: first, groupId }, '2025-06-30T08:00:00.000Z', delivered);
  await publish(OrderDelivered, { orderId: second, groupId }, '2025-07-01T00:00:00.000Z');
  await publish(OrderCancelled, { orderId: third, groupId, reason: 'buyer_request' }, '2025-07-15T09:00:00.000Z');
  await publish(EarningsCredited, { participantId: sitiId, orderId: first, amountIdr: 136_000 }, '2025-06-30T08:00:01.000Z');
  await publish(EarningsCredited, { participantId: budiId, orderId: first, amountIdr: 48_000 }, '2025-06-30T08:00:01.000Z');
  await publish(EarningsCredited, { participantId: sitiId, orderId: second, amountIdr: 68_000 }, '2025-07-01T00:00:01.000Z');
  const payout = (participantId: string, amountIdr: number) => ({
    payoutId: newId('pay'),
    participantId,
    groupId,
    amountIdr,
    method: 'cash',
  });
  await publish(PayoutRecorded, payout(sitiId, 100_000), '2025-06-30T12:00:00.000Z');
  await publish(PayoutRecorded, payout(budiId, 40_000), '2025-07-01T09:00:00.000Z');
  const refund = { orderId: second, groupId, totalIdr: 85_000, method: 'bank_transfer' };
  const refunded = await publish(OrderRefunded, refund, '2025-07-20T03:00:00.000Z');
  await publish(OrderRefunded, refund, '2025-07-20T03:00:00.000Z', refunded);
  const reversal = { participantId: sitiId, orderId: second, amountIdr: 68_000 };
  const reversed = await publish(EarningsReversed, reversal, '2025-07-20T03:00:01.000Z');
  await publish(EarningsReversed, reversal, '2025-07-20T03:00:01.000Z', reversed);
  return { ...scenario, delivered, refunded };
}

const june = {
  ...noFigures,
  participants: { ...noFigures.participants, activeSellers: 2 },
  orders: { ...noFigures.orders, paid: 2, delivered: 1 },
  revenueIdr: 230_000,
  participantEarningsIdr: 184_000,
  payoutsIdr: 100_000,
  // 2 bags × 240 g + 1 mat × 400 g
  wasteRecycledGrams: 880,
};

describe('GET /reports/groups/{groupId}', () => {
  let group: Awaited<ReturnType<typeof reportedGroup>>;
  const report = (query: string, token = group.facilitator, groupId = group.groupId) =>
    call('GET', `/reports/groups/${groupId}${query}`, { token });

  beforeAll(async () => {
    group = await reportedGroup();
    // Every event has been handled, the duplicate included, before any figure is read.
    await eventually(
      async () => {
        const status = await busStatus();
        for (const eventId of [group.delivered, group.refunded]) {
          expect(status.recent.filter((event) => event.detail.metadata?.eventId === eventId)).toHaveLength(2);
        }
        expect(status.pending).toBe(0);
        const june = await report('?from=2025-06-01&to=2025-06-30');
        expect(june.body.orders.delivered).toBe(1);
      },
      { timeoutMs: 30_000 },
    );
  }, 90_000);

  it('counts what happened in a month by its events, a delivered event once though it came twice, and each seller once', async () => {
    // Act
    const response = await report('?from=2025-06-01&to=2025-06-30');

    // Assert
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.body).toEqual({ groupId: group.groupId, from: '2025-06-01', to: '2025-06-30', ...june });
    expect(JSON.stringify(await deadLetters())).not.toContain(group.groupId);
  });

  it('filters by the inclusive date range, in UTC days', async () => {
    // Act
    const july = await report('?from=2025-07-01&to=2025-07-31');
    const lastDayOfJune = await report('?from=2025-06-30&to=2025-06-30');
    const across = await report('?from=2025-05-20&to=2025-07-01');
    const before = await report('?from=2025-01-01&to=2025-06-28');
    const afterTheCredit = await report('?from=2025-07-16&to=2025-07-31');

    // Assert: July's refund (and its reversal) came twice and count once; the reversal nets July's credit to 0
    expect(july.body).toEqual({
      groupId: group.groupId,
      from: '2025-07-01',
      to: '2025-07-31',
      ...noFigures,
      participants: { ...noFigures.participants, activeSellers: 1 },
      orders: { ...noFigures.orders, delivered: 1, cancelled: 1, refunded: 1 },
      revenueIdr: 85_000,
      refundedIdr: 85_000,
      participantEarningsIdr: 0,
      payoutsIdr: 40_000,
      wasteRecycledGrams: 240,
    });
    expect(afterTheCredit.body).toEqual({
      groupId: group.groupId,
      from: '2025-07-16',
      to: '2025-07-31',
      ...noFigures,
      orders: { ...noFigures.orders, refunded: 1 },
      refundedIdr: 85_000,
      participantEarningsIdr: -68_000,
    });
    expect(lastDayOfJune.body).toEqual({
      ...june,
      groupId: group.groupId,
      from: '2025-06-30',
      to: '2025-06-30',
      orders: { ...june.orders, paid: 1 },
    });
    expect(across.body).toEqual({
      groupId: group.groupId,
      from: '2025-05-20',
      to: '2025-07-01',
      ...noFigures,
      participants: { ...noFigures.participants, activeSellers: 2 },
      orders: { ...noFigures.orders, paid: 2, delivered: 2 },
      revenueIdr: 315_000,
      participantEarningsIdr: 252_000,
      payoutsIdr: 140_000,
      wasteRecycledGrams: 1_120,
    });
    expect(before.body).toEqual({ groupId: group.groupId, from: '2025-01-01', to: '2025-06-28', ...noFigures });
  });

  it('counts the events of the API calls on the day they happened', async () => {
    // Act: yesterday to tomorrow, so a run across midnight UTC still holds every event
    const response = await report(`?from=${day(-1)}&to=${day(1)}`);

    // Assert: three registered, two trained, two listed (the draft is not), three orders placed. The synthetic
    // deliveries credit nothing: the earnings consumer finds those orders still placed.
    const figures = response.body;
    expect(figures).toEqual({
      groupId: group.groupId,
      from: day(-1),
      to: day(1),
      participants: { registered: 3, enrolled: 2, completedTraining: 2, activeSellers: 0 },
      products: { listed: 2 },
      orders: { placed: 3, paid: 0, delivered: 0, cancelled: 0, refunded: 0 },
      revenueIdr: 0,
      refundedIdr: 0,
      participantEarningsIdr: 0,
      payoutsIdr: 0,
      wasteRecycledGrams: 0,
      mentoring: { sessions: 0, participants: 0 },
      placements: { started: 0, internship: 0, job: 0, ownBusiness: 0, ended: 0 },
      followUps: { done: 0, working: 0 },
    });
  });

  it('defaults to the current UTC month', async () => {
    // Prepare
    const now = new Date();
    const month = now.toISOString().slice(0, 7);
    const lastDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);

    // Act
    const response = await report('', group.officer);

    // Assert
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ groupId: group.groupId, from: `${month}-01`, to: lastDay });
  });

  it('answers the same figures as CSV for spreadsheets', async () => {
    // Act
    const response = await report('?from=2025-06-01&to=2025-06-30&format=csv', group.admin);
    const refunds = await report('?from=2025-07-16&to=2025-07-31&format=csv', group.admin);

    // Assert
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.body).toBe(
      `${reportCsvHeader}\r\n` +
        `${group.groupId},2025-06-01,2025-06-30,0,0,0,2,0,0,2,1,0,230000,184000,880,0,0,100000,0,0,0,0,0,0,0,0,0\r\n`,
    );
    expect(refunds.body).toBe(
      `${reportCsvHeader}\r\n` + `${group.groupId},2025-07-16,2025-07-31,0,0,0,0,0,0,0,0,0,0,-68000,0,1,85000,0,0,0,0,0,0,0,0,0,0\r\n`,
    );
  });

  it("is for the group's facilitators, officers and admins", async () => {
    // Prepare
    const otherFacilitator = await tokenFor({ sub: `facilitator-${randomUUID()}`, roles: ['facilitator'], groupId: newId('grp') });
    const participant = await tokenFor({ sub: `participant-${randomUUID()}`, roles: ['participant'], participantId: newId('prt') });
    const buyer = await tokenFor({ sub: `buyer-${randomUUID()}`, roles: ['buyer'] });

    // Act
    const allowed = await Promise.all([group.facilitator, group.officer, group.admin].map((token) => report('', token)));
    const refused = await Promise.all([otherFacilitator, participant, buyer].map((token) => report('', token)));
    const anonymous = await call('GET', `/reports/groups/${group.groupId}`);

    // Assert
    expect(allowed.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(refused.map((response) => response.status)).toEqual([403, 403, 403]);
    expect(refused[0]?.headers.get('content-type')).toBe('application/problem+json');
    expect(anonymous.status).toBe(401);
  });

  it('answers 404 for an unknown or malformed group id, and 400 for bad dates or format', async () => {
    // Act
    const unknown = await report('', group.admin, newId('grp'));
    const malformed = await report('', group.admin, 'grp_nope');
    const impossibleDate = await report('?from=2025-02-29&to=2025-03-01');
    const reversed = await report('?from=2025-07-02&to=2025-07-01');
    const tooLong = await report('?from=2015-01-01&to=2025-01-01');
    const format = await report('?format=xlsx');

    // Assert
    expect([unknown.status, malformed.status]).toEqual([404, 404]);
    expect(impossibleDate.status).toBe(400);
    expect(impossibleDate.body.errors).toEqual([expect.objectContaining({ path: 'query.from' })]);
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual([{ path: 'query.to', message: 'Must not be before from' }]);
    expect(tooLong.status).toBe(400);
    expect(format.status).toBe(400);
    expect(format.body.errors).toEqual([expect.objectContaining({ path: 'query.format' })]);
  });

  it('takes dates in the years 2000–2999 only: the year 9999 no longer answers all-time totals', async () => {
    const farFuture = await report('?from=9999-12-02&to=9999-12-31');
    const beforeTheYear2000 = await report('?from=1999-12-01&to=1999-12-31');
    const firstMonth = await report('?from=2000-01-01&to=2000-01-31');
    const lastMonth = await report('?from=2999-12-01&to=2999-12-31');

    expect(farFuture.status).toBe(400);
    expect(farFuture.body.errors).toEqual([
      { path: 'query.from', message: 'Must be a date from 2000-01-01 to 2999-12-31' },
      { path: 'query.to', message: 'Must be a date from 2000-01-01 to 2999-12-31' },
    ]);
    expect(beforeTheYear2000.status).toBe(400);
    expect([firstMonth.status, lastMonth.status]).toEqual([200, 200]);
    expect(lastMonth.body).toMatchObject(noFigures);
  });
});

describe("GET /reports/groups/{groupId}: the programme's figures", () => {
  it('counts mentoring sessions and the distinct participants mentored, placements by kind and their ends, each event once', async () => {
    // Prepare: two participants; siti mentored twice (one session delivered twice) and budi once in August 2025;
    // placements of each kind, one delivered twice, one ended (delivered twice); a session and a start in September
    const scenario = await newGroupScenario({ sessionsRequired: 1 });
    const siti = (await scenario.registerParticipant()).participant.id as string;
    const budi = (await scenario.registerParticipant()).participant.id as string;
    const { groupId } = scenario;
    const session = (participantId: string) => ({ sessionId: newId('mtr'), participantId, groupId, topic: 'business' });
    const placement = (participantId: string, kind: string) => ({ placementId: newId('plc'), participantId, groupId, kind });
    const first = session(siti);
    const repeatedSession = await publish(MentoringRecorded, first, '2025-08-04T02:00:00.000Z');
    await publish(MentoringRecorded, first, '2025-08-04T02:00:00.000Z', repeatedSession);
    await publish(MentoringRecorded, session(siti), '2025-08-18T02:00:00.000Z');
    await publish(MentoringRecorded, session(budi), '2025-08-31T23:59:59.999Z');
    await publish(MentoringRecorded, session(budi), '2025-09-01T00:00:00.000Z');
    const internship = placement(siti, 'internship');
    const repeatedStart = await publish(PlacementStarted, internship, '2025-08-05T02:00:00.000Z');
    await publish(PlacementStarted, internship, '2025-08-05T02:00:00.000Z', repeatedStart);
    await publish(PlacementStarted, placement(budi, 'job'), '2025-08-06T02:00:00.000Z');
    await publish(PlacementStarted, placement(budi, 'own_business'), '2025-08-07T02:00:00.000Z');
    await publish(PlacementStarted, placement(siti, 'own_business'), '2025-09-02T02:00:00.000Z');
    const repeatedEnd = await publish(PlacementEnded, { ...internship, outcome: 'hired' }, '2025-08-29T02:00:00.000Z');
    await publish(PlacementEnded, { ...internship, outcome: 'hired' }, '2025-08-29T02:00:00.000Z', repeatedEnd);
    const report = (query: string) => call('GET', `/reports/groups/${groupId}${query}`, { token: scenario.facilitator });
    await eventually(
      async () => {
        const status = await busStatus();
        for (const eventId of [repeatedSession, repeatedStart, repeatedEnd]) {
          expect(status.recent.filter((event) => event.detail.metadata?.eventId === eventId)).toHaveLength(2);
        }
        expect(status.pending).toBe(0);
        const september = await report('?from=2025-09-01&to=2025-09-30');
        expect(september.body.placements.started).toBe(1);
      },
      { timeoutMs: 30_000 },
    );

    // Act
    const august = await report('?from=2025-08-01&to=2025-08-31');
    const augustCsv = await report('?from=2025-08-01&to=2025-08-31&format=csv');
    const both = await report('?from=2025-08-15&to=2025-09-30');

    // Assert
    expect(august.body).toEqual({
      groupId,
      from: '2025-08-01',
      to: '2025-08-31',
      ...noFigures,
      mentoring: { sessions: 3, participants: 2 },
      placements: { started: 3, internship: 1, job: 1, ownBusiness: 1, ended: 1 },
    });
    expect(augustCsv.body).toBe(
      `${reportCsvHeader}\r\n` + `${groupId},2025-08-01,2025-08-31,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,3,2,3,1,1,1,1,0,0\r\n`,
    );
    // August 18th and 31st, September 1st: budi twice, siti once
    expect(both.body).toEqual({
      groupId,
      from: '2025-08-15',
      to: '2025-09-30',
      ...noFigures,
      mentoring: { sessions: 3, participants: 2 },
      placements: { started: 1, internship: 0, job: 0, ownBusiness: 1, ended: 1 },
    });
    expect(JSON.stringify(await deadLetters())).not.toContain(groupId);
  }, 90_000);
});
