import { describe, expect, it } from 'vitest';
import { EarningsCredited } from '#events/earnings-credited';
import { EarningsReversed } from '#events/earnings-reversed';
import type { EventContract } from '#events/event-contract';
import { patternForAny } from '#events/rule-patterns';
import { OrderCancelled } from '#events/order-cancelled';
import { OrderDelivered } from '#events/order-delivered';
import { OrderPaid } from '#events/order-paid';
import { OrderPlaced } from '#events/order-placed';
import { OrderRefunded } from '#events/order-refunded';
import { OrderShipped } from '#events/order-shipped';
import { ParticipantRegistered } from '#events/participant-registered';
import { PayoutRecorded } from '#events/payout-recorded';
import { FollowUpRecorded } from '#events/follow-up-recorded';
import { MentoringRecorded } from '#events/mentoring-recorded';
import { PlacementEnded } from '#events/placement-ended';
import { PlacementStarted } from '#events/placement-started';
import { ProductDelisted } from '#events/product-delisted';
import { ProductListed } from '#events/product-listed';
import { TrainingCompleted } from '#events/training-completed';
import { TrainingEnrolled } from '#events/training-enrolled';
import { matchesPattern } from '#infra/local/eventbridge/event-pattern';
import projectGroupReport from '#functions/reports/project-group-report/function';
import { eventHandler } from '#shared/kernel/consumers/event-handler';
import { newId } from '#shared/kernel/ids';
import { dayOf, type ProjectionOutcome, reportedEvents, reportProjection } from '#shared/reports/projection';
import { fakeReportSources, fakeReportStore } from '#test/support/fakes/reports';
import { eventBridgeEvent } from '#test/support/fakes/eventbridge-event';
import { lambdaContext } from '#test/support/fakes/lambda-context';

const groupId = newId('grp');
const [seller, otherSeller] = [newId('prt'), newId('prt')];
const [bag, mat] = [newId('prd'), newId('prd')];
const orderId = newId('ord');
const [trainedOnce, trainedTwice] = [newId('enr'), newId('enr')];
const context = lambdaContext();

function setUp() {
  const { store, buckets } = fakeReportStore();
  const sources = fakeReportSources({
    participants: { [seller]: groupId },
    orders: {
      [orderId]: {
        groupId,
        totalIdr: 335_000,
        items: [
          { productId: bag, participantId: seller, quantity: 2 },
          { productId: mat, participantId: otherSeller, quantity: 3 },
          { productId: bag, participantId: otherSeller, quantity: 1 },
        ],
      },
    },
    productGrams: { [bag]: 150, [mat]: 420 },
    followUps: {
      [`${seller}#${trainedOnce}#3`]: 'self_employed',
      [`${seller}#${trainedOnce}#6`]: 'not_working',
      [`${seller}#${trainedTwice}#3`]: 'employed',
    },
  });
  const outcomes: ProjectionOutcome[] = [];
  const handler = eventHandler(
    projectGroupReport,
    reportProjection({ reports: store, sources }, (outcome) => outcomes.push(outcome)),
  );
  const deliver = (contract: EventContract, data: unknown, occurredAt = '2026-11-28T05:36:47.000Z', eventId?: string) =>
    handler(eventBridgeEvent(contract, data, occurredAt, eventId), context);
  const day = (date: string) => buckets.get(`${groupId}|DAY#${date}`);
  const month = (value: string) => buckets.get(`${groupId}|MONTH#${value}`);
  return { deliver, day, month, outcomes };
}

const ids = { enrollmentId: newId('enr'), programId: newId('prg'), participantId: seller, groupId };

describe('the report projection', () => {
  it.each([
    { contract: ParticipantRegistered, data: { participantId: seller, groupId }, counters: { registered: 1 } },
    { contract: TrainingEnrolled, data: ids, counters: { enrolled: 1 } },
    {
      contract: TrainingCompleted,
      data: { ...ids, score: 80, completedAt: '2026-11-28T05:36:47.000Z' },
      counters: { completedTraining: 1 },
    },
    {
      contract: ProductListed,
      data: { productId: bag, participantId: seller, groupId, title: 'Tas', category: 'tas', priceIdr: 85_000, stock: 3 },
      counters: { listed: 1 },
    },
    {
      contract: OrderPlaced,
      data: { orderId, groupId, items: [{ productId: bag, participantId: seller, quantity: 1, unitPriceIdr: 85_000 }], totalIdr: 85_000 },
      counters: { placed: 1 },
    },
    { contract: OrderPaid, data: { orderId, groupId, totalIdr: 85_000, method: 'cash' }, counters: { paid: 1 } },
    { contract: OrderCancelled, data: { orderId, groupId, reason: 'buyer_request' }, counters: { cancelled: 1 } },
    {
      contract: EarningsCredited,
      data: { participantId: seller, orderId, amountIdr: 68_000 },
      counters: { participantEarningsIdr: 68_000 },
    },
    {
      contract: OrderRefunded,
      data: { orderId, groupId, totalIdr: 335_000, method: 'bank_transfer' },
      counters: { refunded: 1, refundedIdr: 335_000 },
    },
    {
      contract: EarningsReversed,
      data: { participantId: seller, orderId, amountIdr: 68_000 },
      counters: { participantEarningsIdr: -68_000 },
    },
    {
      contract: PayoutRecorded,
      data: { payoutId: newId('pay'), participantId: seller, groupId, amountIdr: 50_000, method: 'e_wallet' },
      counters: { payoutsIdr: 50_000 },
    },
    {
      contract: PlacementStarted,
      data: { placementId: newId('plc'), participantId: seller, groupId, kind: 'job' },
      counters: { placementsStarted: 1, jobs: 1 },
    },
    {
      contract: PlacementEnded,
      data: { placementId: newId('plc'), participantId: seller, groupId, kind: 'internship', outcome: 'hired' },
      counters: { placementsEnded: 1 },
    },
  ])('counts $contract.detailType on its day and month', async ({ contract, data, counters }) => {
    // Prepare
    const { deliver, day, month } = setUp();

    // Act
    await deliver(contract, data);

    // Assert
    expect(day('2026-11-28')).toEqual({ counters, sellers: new Set(), mentees: new Set() });
    expect(month('2026-11')).toEqual({ counters, sellers: new Set(), mentees: new Set() });
  });

  it('counts a delivery: revenue, the waste of every piece by its materials, and each seller once', async () => {
    // Prepare
    const { deliver, day, month } = setUp();

    // Act
    await deliver(OrderDelivered, { orderId, groupId });

    // Assert: (2 + 1) bags × 150 g + 3 mats × 420 g
    const expected = {
      counters: { delivered: 1, revenueIdr: 335_000, wasteRecycledGrams: 3 * 150 + 3 * 420 },
      sellers: new Set([seller, otherSeller]),
      mentees: new Set(),
    };
    expect(day('2026-11-28')).toEqual(expected);
    expect(month('2026-11')).toEqual(expected);
  });

  it('counts an event once however often it arrives', async () => {
    // Prepare
    const { deliver, day, outcomes } = setUp();
    const eventId = newId('evt');

    // Act
    await deliver(OrderDelivered, { orderId, groupId }, '2026-11-28T05:36:47.000Z', eventId);
    await deliver(OrderDelivered, { orderId, groupId }, '2026-11-28T05:36:47.000Z', eventId);

    // Assert
    expect(day('2026-11-28')?.counters).toEqual({ delivered: 1, revenueIdr: 335_000, wasteRecycledGrams: 1710 });
    expect(outcomes).toEqual(['applied', 'duplicate']);
  });

  it('counts a refund, its count and its amount, once however often it arrives', async () => {
    // Prepare
    const { deliver, day, month, outcomes } = setUp();
    const refund = { orderId, groupId, totalIdr: 335_000, method: 'qris' };
    const eventId = newId('evt');

    // Act
    await deliver(OrderRefunded, refund, '2026-11-28T05:36:47.000Z', eventId);
    await deliver(OrderRefunded, refund, '2026-11-28T05:36:47.000Z', eventId);
    await deliver(OrderRefunded, { ...refund, orderId: newId('ord'), totalIdr: 85_000 });

    // Assert
    expect(day('2026-11-28')?.counters).toEqual({ refunded: 2, refundedIdr: 420_000 });
    expect(month('2026-11')?.counters).toEqual({ refunded: 2, refundedIdr: 420_000 });
    expect(outcomes).toEqual(['applied', 'duplicate', 'applied']);
  });

  it("nets a reversal out of the participants' earnings, in the bucket of the day it happened", async () => {
    // Prepare
    const { deliver, day, month } = setUp();
    const reversal = { participantId: seller, orderId, amountIdr: 68_000 };
    const eventId = newId('evt');

    // Act: credited on the 28th, reversed (delivered twice) on the 30th
    await deliver(EarningsCredited, { participantId: seller, orderId, amountIdr: 68_000 }, '2026-11-28T05:36:47.000Z');
    await deliver(EarningsCredited, { participantId: seller, orderId: newId('ord'), amountIdr: 20_000 }, '2026-11-29T01:00:00.000Z');
    await deliver(EarningsReversed, reversal, '2026-11-30T09:00:00.000Z', eventId);
    await deliver(EarningsReversed, reversal, '2026-11-30T09:00:00.000Z', eventId);

    // Assert
    expect(day('2026-11-28')?.counters).toEqual({ participantEarningsIdr: 68_000 });
    expect(day('2026-11-30')?.counters).toEqual({ participantEarningsIdr: -68_000 });
    expect(month('2026-11')?.counters).toEqual({ participantEarningsIdr: 20_000 });
  });

  it('counts a mentoring session and its participant among the mentees of its day and month', async () => {
    // Prepare
    const { deliver, day, month } = setUp();

    // Act
    await deliver(MentoringRecorded, { sessionId: newId('mtr'), participantId: seller, groupId, topic: 'marketing' });

    // Assert
    const expected = { counters: { mentoringSessions: 1 }, sellers: new Set(), mentees: new Set([seller]) };
    expect(day('2026-11-28')).toEqual(expected);
    expect(month('2026-11')).toEqual(expected);
  });

  it('counts two sessions of one participant as two sessions and one participant, a repeated session once', async () => {
    // Prepare
    const { deliver, day, month, outcomes } = setUp();
    const session = { sessionId: newId('mtr'), participantId: seller, groupId, topic: 'business' };
    const eventId = newId('evt');

    // Act: one session delivered twice, a second session of the same participant on another day, one of another participant
    await deliver(MentoringRecorded, session, '2026-11-03T02:00:00.000Z', eventId);
    await deliver(MentoringRecorded, session, '2026-11-03T02:00:00.000Z', eventId);
    await deliver(MentoringRecorded, { ...session, sessionId: newId('mtr'), topic: 'production' }, '2026-11-17T02:00:00.000Z');
    await deliver(MentoringRecorded, { ...session, sessionId: newId('mtr'), participantId: otherSeller }, '2026-11-17T03:00:00.000Z');

    // Assert
    expect(day('2026-11-03')).toEqual({ counters: { mentoringSessions: 1 }, sellers: new Set(), mentees: new Set([seller]) });
    expect(day('2026-11-17')?.mentees).toEqual(new Set([seller, otherSeller]));
    expect(month('2026-11')).toEqual({ counters: { mentoringSessions: 3 }, sellers: new Set(), mentees: new Set([seller, otherSeller]) });
    expect(outcomes).toEqual(['applied', 'duplicate', 'applied', 'applied']);
  });

  it('counts placements in all and by kind, and their ends, each once however often it arrives', async () => {
    // Prepare
    const { deliver, month, outcomes } = setUp();
    const placement = { placementId: newId('plc'), participantId: seller, groupId, kind: 'internship' };
    const [startId, endId] = [newId('evt'), newId('evt')];

    // Act
    await deliver(PlacementStarted, placement, '2026-11-02T03:00:00.000Z', startId);
    await deliver(PlacementStarted, placement, '2026-11-02T03:00:00.000Z', startId);
    await deliver(PlacementStarted, { ...placement, placementId: newId('plc'), kind: 'job' }, '2026-11-05T03:00:00.000Z');
    await deliver(PlacementStarted, { ...placement, placementId: newId('plc'), kind: 'own_business' }, '2026-11-06T03:00:00.000Z');
    await deliver(PlacementStarted, { ...placement, placementId: newId('plc'), kind: 'own_business' }, '2026-11-07T03:00:00.000Z');
    await deliver(PlacementEnded, { ...placement, outcome: 'completed' }, '2026-11-30T03:00:00.000Z', endId);
    await deliver(PlacementEnded, { ...placement, outcome: 'completed' }, '2026-11-30T03:00:00.000Z', endId);

    // Assert
    expect(month('2026-11')?.counters).toEqual({ placementsStarted: 4, internships: 1, jobs: 1, ownBusinesses: 2, placementsEnded: 1 });
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(2);
  });

  it('counts follow-ups done and those that found the participant working, by the record, each once', async () => {
    // Prepare
    const { deliver, day, month, outcomes } = setUp();
    const followUp = { followUpId: newId('fup'), participantId: seller, groupId, enrollmentId: trainedOnce, monthsAfter: 3 };
    const eventId = newId('evt');

    // Act: self-employed (delivered twice), not working, employed on another day
    await deliver(FollowUpRecorded, followUp, '2026-11-02T03:00:00.000Z', eventId);
    await deliver(FollowUpRecorded, followUp, '2026-11-02T03:00:00.000Z', eventId);
    await deliver(FollowUpRecorded, { ...followUp, followUpId: newId('fup'), monthsAfter: 6 }, '2026-11-02T04:00:00.000Z');
    await deliver(FollowUpRecorded, { ...followUp, followUpId: newId('fup'), enrollmentId: trainedTwice }, '2026-11-09T03:00:00.000Z');
    const unknown = deliver(FollowUpRecorded, { ...followUp, followUpId: newId('fup'), monthsAfter: 12 }, '2026-11-10T03:00:00.000Z');

    // Assert
    await expect(unknown).rejects.toThrow(/unknown follow-up/);
    expect(day('2026-11-02')?.counters).toEqual({ followUpsDone: 2, followUpsWorking: 1 });
    expect(month('2026-11')?.counters).toEqual({ followUpsDone: 3, followUpsWorking: 2 });
    expect(day('2026-11-10')).toBeUndefined();
    expect(outcomes).toEqual(['applied', 'duplicate', 'applied', 'applied']);
  });

  it('sums payouts, a repeated one once', async () => {
    // Prepare
    const { deliver, month } = setUp();
    const payout = { payoutId: newId('pay'), participantId: seller, groupId, amountIdr: 50_000, method: 'cash' };
    const eventId = newId('evt');

    // Act
    await deliver(PayoutRecorded, payout, '2026-11-02T03:00:00.000Z', eventId);
    await deliver(PayoutRecorded, payout, '2026-11-02T03:00:00.000Z', eventId);
    await deliver(PayoutRecorded, { ...payout, payoutId: newId('pay'), amountIdr: 12_500 }, '2026-11-20T03:00:00.000Z');

    // Assert
    expect(month('2026-11')?.counters).toEqual({ payoutsIdr: 62_500 });
  });

  it('files an event under the UTC day it happened, not the day it arrives', async () => {
    // Prepare
    const { deliver, day, month } = setUp();

    // Act: 23:30 UTC on March 31st is April 1st in Mataram (UTC+8); reports are in UTC
    await deliver(ParticipantRegistered, { participantId: seller, groupId }, '2026-03-31T23:30:00.000Z');

    // Assert
    expect(day('2026-03-31')?.counters).toEqual({ registered: 1 });
    expect(month('2026-03')?.counters).toEqual({ registered: 1 });
    expect(day('2026-04-01')).toBeUndefined();
    expect(dayOf('2024-02-29T00:00:00.000Z')).toBe('2024-02-29');
  });

  it('fails (to be retried, then dead-lettered) on a delivery of an unknown order or earnings of an unknown participant', async () => {
    // Prepare
    const { deliver, day } = setUp();

    // Act
    const unknownOrder = deliver(OrderDelivered, { orderId: newId('ord'), groupId });
    const unknownParticipant = deliver(EarningsCredited, { participantId: newId('prt'), orderId, amountIdr: 1 });
    const unknownReversed = deliver(EarningsReversed, { participantId: newId('prt'), orderId, amountIdr: 1 });

    // Assert
    await expect(unknownOrder).rejects.toThrow(/unknown order/);
    await expect(unknownParticipant).rejects.toThrow(/EarningsCredited for unknown participant/);
    await expect(unknownReversed).rejects.toThrow(/EarningsReversed for unknown participant/);
    expect(day('2026-11-28')).toBeUndefined();
  });

  it('refuses an event that breaks its contract, and one no case names', async () => {
    // Prepare
    const { deliver, day } = setUp();

    // Act
    const malformed = deliver(OrderPaid, { orderId, groupId, totalIdr: -1, method: 'cash' });
    const unnamed = deliver(OrderShipped, { orderId, groupId, courier: 'jne', trackingNumber: 'X1' });

    // Assert
    await expect(malformed).rejects.toThrow();
    await expect(unnamed).rejects.toThrow(/No case for OrderShipped/);
    expect(day('2026-11-28')).toBeUndefined();
  });

  it('has one case per reported event type', () => {
    // Prepare
    const { store } = fakeReportStore();

    // Act
    const cases = reportProjection({ reports: store, sources: fakeReportSources() });

    // Assert
    expect(cases.map((entry) => entry.contract)).toEqual(expect.arrayContaining([...reportedEvents]));
    expect(cases).toHaveLength(reportedEvents.length);
  });
});

describe("the projection's event pattern", () => {
  const pattern = patternForAny(reportedEvents);
  const event = (source: string, detailType: string) => ({ source, 'detail-type': detailType, detail: {} });

  it.each(reportedEvents.map((contract) => ({ detailType: contract.detailType, source: contract.source })))(
    'selects $detailType from $source',
    ({ source, detailType }) => {
      expect(matchesPattern(pattern, event(source, detailType))).toBe(true);
    },
  );

  it('selects no other event type, and no reported type under another source', () => {
    expect(matchesPattern(pattern, event(ProductDelisted.source, ProductDelisted.detailType))).toBe(false);
    expect(matchesPattern(pattern, event(OrderShipped.source, OrderShipped.detailType))).toBe(false);
    expect(matchesPattern(pattern, event(OrderPaid.source, ProductListed.detailType))).toBe(false);
  });

  it('is one branch per source', () => {
    expect(pattern).toEqual({
      $or: [
        { source: ['pas-kreatif.participants'], 'detail-type': ['ParticipantRegistered'] },
        { source: ['pas-kreatif.training'], 'detail-type': ['TrainingEnrolled', 'TrainingCompleted'] },
        { source: ['pas-kreatif.catalog'], 'detail-type': ['ProductListed'] },
        {
          source: ['pas-kreatif.orders'],
          'detail-type': ['OrderPlaced', 'OrderPaid', 'OrderDelivered', 'OrderCancelled', 'OrderRefunded'],
        },
        { source: ['pas-kreatif.earnings'], 'detail-type': ['EarningsCredited', 'EarningsReversed', 'PayoutRecorded'] },
        {
          source: ['pas-kreatif.programme'],
          'detail-type': ['MentoringRecorded', 'PlacementStarted', 'PlacementEnded', 'FollowUpRecorded'],
        },
      ],
    });
    expect(patternForAny([OrderPaid])).toEqual({ source: ['pas-kreatif.orders'], 'detail-type': ['OrderPaid'] });
  });
});
