import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { EarningsCredited } from '#events/earnings-credited';
import { EarningsReversed } from '#events/earnings-reversed';
import type { EventContract } from '#events/event-contract';
import { OrderCancelled } from '#events/order-cancelled';
import { OrderDelivered } from '#events/order-delivered';
import { OrderPaid } from '#events/order-paid';
import { OrderPlaced } from '#events/order-placed';
import { OrderRefunded } from '#events/order-refunded';
import { ParticipantRegistered } from '#events/participant-registered';
import { PayoutRecorded } from '#events/payout-recorded';
import { MentoringRecorded } from '#events/mentoring-recorded';
import { PlacementEnded } from '#events/placement-ended';
import { PlacementStarted } from '#events/placement-started';
import { ProductListed } from '#events/product-listed';
import { TrainingCompleted } from '#events/training-completed';
import { TrainingEnrolled } from '#events/training-enrolled';
import projectGroupReport from '#functions/reports/project-group-report/function';
import { eventHandler } from '#shared/kernel/consumers/event-handler';
import { newId } from '#shared/kernel/ids';
import { buildReportSources } from '#shared/reports/dynamo-report-sources';
import { buildReportStore } from '#shared/reports/dynamo-report-store';
import { reportProjection } from '#shared/reports/projection';
import { getGroupReport } from '#shared/reports/reports';
import { groupKey, orderKey, participantKey, productKey, reportDayKey, reportGuardKey, reportMonthKey } from '#shared/kernel/store/keys';
import { fixedClock } from '#test/support/fakes/clock';
import { localTable } from '#test/support/table/local-table';
import { eventBridgeEvent } from '#test/support/fakes/eventbridge-event';
import { lambdaContext } from '#test/support/fakes/lambda-context';
import { buildParticipantDirectory } from '#shared/participants/dynamo-participant-directory';

const { doc, table } = localTable();
const reports = buildReportStore(doc, table);
const sources = buildReportSources(doc, table, buildParticipantDirectory(doc, table));
const handler = eventHandler(projectGroupReport, reportProjection({ reports, sources }));
const context = lambdaContext();
const admin = { sub: 'admin', roles: ['admin'] as const };

const put = (item: Record<string, unknown>) => doc.send(new PutCommand({ TableName: table, Item: item }));
const get = async (key: Record<string, string>) =>
  (await doc.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;

/** A group with two sellers, two products and an order of both, written as their own contexts store them. */
async function world() {
  const groupId = newId('grp');
  const [siti, budi] = [newId('prt'), newId('prt')];
  const [bag, mat] = [newId('prd'), newId('prd')];
  const orderId = newId('ord');
  await put({ ...groupKey(groupId), entity: 'group', id: groupId, name: 'BSL' });
  for (const id of [siti, budi]) await put({ ...participantKey(id), entity: 'participant', id, groupId, legalName: 'private' });
  await put({
    ...productKey(bag),
    entity: 'product',
    id: bag,
    groupId,
    materials: [
      { material: 'plastik', grams: 120 },
      { material: 'kain', grams: 30 },
    ],
  });
  await put({ ...productKey(mat), entity: 'product', id: mat, groupId, materials: [{ material: 'plastik', grams: 400 }] });
  await put({
    ...orderKey(orderId),
    entity: 'order',
    id: orderId,
    groupId,
    status: 'delivered',
    totalIdr: 425_000,
    items: [
      { productId: bag, participantId: siti, title: 'Tas', quantity: 2, unitPriceIdr: 85_000, subtotalIdr: 170_000 },
      { productId: mat, participantId: budi, title: 'Tikar', quantity: 3, unitPriceIdr: 85_000, subtotalIdr: 255_000 },
    ],
  });
  const deliver = (contract: EventContract, data: unknown, occurredAt: string, eventId?: string) =>
    handler(eventBridgeEvent(contract, data, occurredAt, eventId), context);
  const report = (from: string, to: string) => getGroupReport({ reports, clock: fixedClock() }, admin, groupId, { from, to });
  return { groupId, siti, budi, bag, mat, orderId, deliver, report };
}

describe('the group report projection on DynamoDB', () => {
  it('counts every reported event type into its day and month buckets', async () => {
    // Prepare
    const { groupId, siti, budi, bag, orderId, deliver, report } = await world();
    const training = { enrollmentId: newId('enr'), programId: newId('prg'), participantId: siti, groupId };
    const at = '2026-11-28T05:36:47.000Z';

    // Act
    await deliver(ParticipantRegistered, { participantId: siti, groupId }, at);
    await deliver(TrainingEnrolled, training, at);
    await deliver(TrainingCompleted, { ...training, score: 90, completedAt: at }, at);
    await deliver(
      ProductListed,
      { productId: bag, participantId: siti, groupId, title: 'Tas', category: 'tas', priceIdr: 85_000, stock: 5 },
      at,
    );
    await deliver(
      OrderPlaced,
      { orderId, groupId, items: [{ productId: bag, participantId: siti, quantity: 2, unitPriceIdr: 85_000 }], totalIdr: 425_000 },
      at,
    );
    await deliver(OrderPaid, { orderId, groupId, totalIdr: 425_000, method: 'qris' }, at);
    await deliver(OrderDelivered, { orderId, groupId }, at);
    await deliver(OrderCancelled, { orderId: newId('ord'), groupId, reason: 'buyer_request' }, at);
    await deliver(EarningsCredited, { participantId: siti, orderId, amountIdr: 136_000 }, at);
    await deliver(EarningsCredited, { participantId: budi, orderId, amountIdr: 204_000 }, at);
    await deliver(PayoutRecorded, { payoutId: newId('pay'), participantId: siti, groupId, amountIdr: 100_000, method: 'cash' }, at);
    const refundedOrder = newId('ord');
    await deliver(OrderRefunded, { orderId: refundedOrder, groupId, totalIdr: 85_000, method: 'bank_transfer' }, at);
    await deliver(EarningsReversed, { participantId: budi, orderId: refundedOrder, amountIdr: 68_000 }, at);

    // Assert
    const expectedCounters = {
      registered: 1,
      enrolled: 1,
      completedTraining: 1,
      listed: 1,
      placed: 1,
      paid: 1,
      delivered: 1,
      cancelled: 1,
      refunded: 1,
      revenueIdr: 425_000,
      refundedIdr: 85_000,
      // 136,000 + 204,000 credited, 68,000 reversed
      participantEarningsIdr: 272_000,
      payoutsIdr: 100_000,
      // 2 bags × (120 + 30) g + 3 mats × 400 g
      wasteRecycledGrams: 1_500,
    };
    const dayBucket = await get(reportDayKey(groupId, '2026-11-28'));
    const monthBucket = await get(reportMonthKey(groupId, '2026-11'));
    expect(dayBucket).toMatchObject({ entity: 'report-day', groupId, ...expectedCounters, activeSellers: new Set([siti, budi]) });
    expect(monthBucket).toMatchObject({ entity: 'report-month', groupId, ...expectedCounters, activeSellers: new Set([siti, budi]) });
    expect(await report('2026-11-28', '2026-11-28')).toEqual({
      groupId,
      from: '2026-11-28',
      to: '2026-11-28',
      participants: { registered: 1, enrolled: 1, completedTraining: 1, activeSellers: 2 },
      products: { listed: 1 },
      orders: { placed: 1, paid: 1, delivered: 1, cancelled: 1, refunded: 1 },
      revenueIdr: 425_000,
      refundedIdr: 85_000,
      participantEarningsIdr: 272_000,
      payoutsIdr: 100_000,
      wasteRecycledGrams: 1_500,
      mentoring: { sessions: 0, participants: 0 },
      placements: { started: 0, internship: 0, job: 0, ownBusiness: 0, ended: 0 },
      followUps: { done: 0, working: 0 },
    });
  });

  it('counts mentoring sessions, their distinct participants across buckets, placements by kind and ends, each event once', async () => {
    // Prepare
    const { groupId, siti, budi, deliver, report } = await world();
    const session = { sessionId: newId('mtr'), participantId: siti, groupId, topic: 'business' };
    const placement = { placementId: newId('plc'), participantId: siti, groupId, kind: 'internship' };
    const repeated: [EventContract, unknown, string][] = [
      [MentoringRecorded, session, '2026-05-30T02:00:00.000Z'],
      [PlacementStarted, placement, '2026-05-30T03:00:00.000Z'],
      [PlacementEnded, { ...placement, outcome: 'hired' }, '2026-06-02T03:00:00.000Z'],
    ];

    // Act: each repeated event delivered twice; siti mentored on May 30th and in June, budi in June
    for (const [contract, data, at] of repeated) {
      const eventId = newId('evt');
      await deliver(contract, data, at, eventId);
      await deliver(contract, data, at, eventId);
    }
    await deliver(MentoringRecorded, { ...session, sessionId: newId('mtr') }, '2026-06-10T02:00:00.000Z');
    await deliver(MentoringRecorded, { ...session, sessionId: newId('mtr'), participantId: budi }, '2026-06-11T02:00:00.000Z');
    await deliver(PlacementStarted, { ...placement, placementId: newId('plc'), kind: 'job' }, '2026-06-12T02:00:00.000Z');
    await deliver(PlacementStarted, { ...placement, placementId: newId('plc'), kind: 'own_business' }, '2026-06-13T02:00:00.000Z');

    // Assert
    expect(await get(reportMonthKey(groupId, '2026-06'))).toMatchObject({ mentoringSessions: 2, mentees: new Set([siti, budi]) });
    const may = await report('2026-05-01', '2026-05-31');
    const june = await report('2026-06-01', '2026-06-30');
    const both = await report('2026-05-30', '2026-06-30');
    expect([may.mentoring, may.placements]).toEqual([
      { sessions: 1, participants: 1 },
      { started: 1, internship: 1, job: 0, ownBusiness: 0, ended: 0 },
    ]);
    expect([june.mentoring, june.placements]).toEqual([
      { sessions: 2, participants: 2 },
      { started: 2, internship: 0, job: 1, ownBusiness: 1, ended: 1 },
    ]);
    // May 30th's day bucket and June's month bucket both name siti: she counts once
    expect([both.mentoring, both.placements]).toEqual([
      { sessions: 3, participants: 2 },
      { started: 3, internship: 1, job: 1, ownBusiness: 1, ended: 1 },
    ]);
  });

  it('counts each money event once however often it comes, and a reversal in a later range below 0', async () => {
    // Prepare
    const { groupId, siti, orderId, deliver, report } = await world();
    const refund = { orderId, groupId, totalIdr: 425_000, method: 'qris' };
    const reversal = { participantId: siti, orderId, amountIdr: 136_000 };
    const payout = { payoutId: newId('pay'), participantId: siti, groupId, amountIdr: 50_000, method: 'e_wallet' };
    const repeated: [EventContract, unknown, string][] = [
      [PayoutRecorded, payout, '2026-06-10T02:00:00.000Z'],
      [OrderRefunded, refund, '2026-07-03T02:00:00.000Z'],
      [EarningsReversed, reversal, '2026-07-03T02:00:01.000Z'],
    ];

    // Act: credited in June, refunded and reversed in July, each money event delivered twice
    await deliver(EarningsCredited, { participantId: siti, orderId, amountIdr: 136_000 }, '2026-06-20T08:00:00.000Z');
    for (const [contract, data, at] of repeated) {
      const eventId = newId('evt');
      await deliver(contract, data, at, eventId);
      await deliver(contract, data, at, eventId);
    }

    // Assert
    const june = await report('2026-06-01', '2026-06-30');
    const july = await report('2026-07-01', '2026-07-31');
    const both = await report('2026-06-15', '2026-07-03');
    expect([june.participantEarningsIdr, june.payoutsIdr, june.orders.refunded, june.refundedIdr]).toEqual([136_000, 50_000, 0, 0]);
    expect([july.participantEarningsIdr, july.payoutsIdr, july.orders.refunded, july.refundedIdr]).toEqual([-136_000, 0, 1, 425_000]);
    expect([both.participantEarningsIdr, both.payoutsIdr, both.orders.refunded, both.refundedIdr]).toEqual([0, 0, 1, 425_000]);
  });

  it('counts a repeated event once, and keeps its guard without an expiry', async () => {
    // Prepare
    const { groupId, orderId, deliver, report } = await world();
    const eventId = newId('evt');

    // Act
    await deliver(OrderDelivered, { orderId, groupId }, '2026-10-05T10:00:00.000Z', eventId);
    await deliver(OrderDelivered, { orderId, groupId }, '2026-10-05T10:00:00.000Z', eventId);

    // Assert
    const figures = await report('2026-10-01', '2026-10-31');
    expect(figures.orders.delivered).toBe(1);
    expect(figures.revenueIdr).toBe(425_000);
    const guard = await get(reportGuardKey(eventId));
    expect(guard).toMatchObject({ entity: 'report-guard', groupId, day: '2026-10-05' });
    expect(guard?.expiresAt).toBeUndefined();
  });

  it('counts concurrent copies of one event once', async () => {
    // Prepare
    const { groupId } = await world();
    const eventId = newId('evt');
    const delta = { groupId, day: '2026-09-14', counters: { paid: 1 }, sellers: [] };

    // Act
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => reports.apply(eventId, delta)));

    // Assert
    expect(outcomes.filter((outcome) => outcome === 'applied')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(7);
    expect((await get(reportDayKey(groupId, '2026-09-14')))?.paid).toBe(1);
    expect((await get(reportMonthKey(groupId, '2026-09')))?.paid).toBe(1);
  });

  it('counts every one of many concurrent events of one day, though they race on the same buckets', async () => {
    // Prepare
    const { groupId } = await world();
    const delta = { groupId, day: '2026-08-17', counters: { placed: 1, revenueIdr: 0 }, sellers: [] };

    // Act
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => reports.apply(newId('evt'), delta)));

    // Assert
    expect(outcomes).toEqual(Array.from({ length: 12 }, () => 'applied'));
    expect((await get(reportDayKey(groupId, '2026-08-17')))?.placed).toBe(12);
    expect((await get(reportMonthKey(groupId, '2026-08')))?.placed).toBe(12);
  });

  it('reads whole months from month buckets and the edges from day buckets, uniting sellers', async () => {
    // Prepare: events on both sides of each edge of the range 2025-01-15 … 2025-03-10
    const { groupId, siti, budi } = await world();
    const events: [string, Record<string, number>, string[]][] = [
      ['2025-01-14', { placed: 1000 }, []],
      ['2025-01-15', { placed: 1 }, [siti]],
      ['2025-01-31', { placed: 2 }, []],
      ['2025-02-01', { placed: 4 }, [siti]],
      ['2025-02-28', { placed: 8 }, [budi]],
      ['2025-03-10', { placed: 16 }, []],
      ['2025-03-11', { placed: 2000 }, [newId('prt')]],
    ];
    for (const [day, counters, sellers] of events) await reports.apply(newId('evt'), { groupId, day, counters, sellers });

    // Act
    const buckets = await reports.buckets(groupId, {
      days: [
        { from: '2025-01-15', to: '2025-01-31' },
        { from: '2025-03-01', to: '2025-03-10' },
      ],
      months: { from: '2025-02', to: '2025-02' },
    });

    // Assert: two January days, February's month bucket, one March day
    expect(buckets.buckets.map((bucket) => bucket.counters.placed).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 2, 12, 16]);
    expect(buckets.groupExists).toBe(true);
    const figures = await getGroupReport({ reports, clock: fixedClock() }, admin, groupId, {
      from: '2025-01-15',
      to: '2025-03-10',
    });
    expect(figures.orders.placed).toBe(31);
    expect(figures.participants.activeSellers).toBe(2);
  });

  it('tells an existing group without buckets in the range from an unknown one', async () => {
    // Prepare
    const { groupId } = await world();
    const plan = { days: [{ from: '2020-01-01', to: '2020-01-31' }] };

    // Act
    const quiet = await reports.buckets(groupId, plan);
    const unknown = await reports.buckets(newId('grp'), plan);

    // Assert
    expect(quiet).toEqual({ groupExists: true, buckets: [] });
    expect(unknown).toEqual({ groupExists: false, buckets: [] });
  });
});
