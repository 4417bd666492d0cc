import { EarningsCredited } from '#events/earnings-credited';
import { EarningsReversed } from '#events/earnings-reversed';
import type { EventContract, EventMetadata } from '#events/event-contract';
import { FollowUpRecorded } from '#events/follow-up-recorded';
import { MentoringRecorded } from '#events/mentoring-recorded';
import { OrderCancelled } from '#events/order-cancelled';
import { OrderDelivered } from '#events/order-delivered';
import { OrderPaid } from '#events/order-paid';
import { OrderPlaced } from '#events/order-placed';
import { OrderRefunded } from '#events/order-refunded';
import { ParticipantRegistered } from '#events/participant-registered';
import { PayoutRecorded } from '#events/payout-recorded';
import { PlacementEnded } from '#events/placement-ended';
import { type PlacementKind, PlacementStarted } from '#events/placement-started';
import { ProductListed } from '#events/product-listed';
import { TrainingCompleted } from '#events/training-completed';
import { TrainingEnrolled } from '#events/training-enrolled';
import { type EventCase, on } from '#shared/kernel/consumers/event-cases';
import type * as z from '#shared/kernel/validation';
import type { CounterName, Counters } from './figures.ts';
import type { ReportSources, ReportStore } from './ports.ts';

/** Every event type a group report counts; the projection's rule selects exactly these. */
export const reportedEvents = [
  ParticipantRegistered,
  TrainingEnrolled,
  TrainingCompleted,
  ProductListed,
  OrderPlaced,
  OrderPaid,
  OrderDelivered,
  OrderCancelled,
  OrderRefunded,
  EarningsCredited,
  EarningsReversed,
  PayoutRecorded,
  MentoringRecorded,
  PlacementStarted,
  PlacementEnded,
  FollowUpRecorded,
] as const;

/** The counter of each placement kind, besides placementsStarted. */
const placementKindCounter = {
  internship: 'internships',
  job: 'jobs',
  own_business: 'ownBusinesses',
} as const satisfies Record<z.infer<typeof PlacementKind>, CounterName>;

export interface ProjectionDeps {
  reports: ReportStore;
  sources: ReportSources;
}

export type ProjectionOutcome = 'applied' | 'duplicate';

/** The UTC date of the event: the contract's times are UTC, so a report's days are UTC days. */
export const dayOf = (occurredAt: string) => new Date(occurredAt).toISOString().slice(0, 10);

/**
 * The report projection: one case per reported event type. Each adds its figures to the group's bucket of
 * the day the event happened, once per eventId (the store's guard), so a repeated event counts nothing.
 * The event's own time decides its day, never the time it arrives, so a late or replayed event lands where
 * it belongs.
 */
export function reportProjection(deps: ProjectionDeps, onOutcome: (outcome: ProjectionOutcome) => void = () => {}): EventCase[] {
  const apply = async (
    metadata: EventMetadata,
    groupId: string,
    counters: Partial<Counters>,
    { sellers = [], mentees = [] }: { sellers?: readonly string[]; mentees?: readonly string[] } = {},
  ) => {
    onOutcome(await deps.reports.apply(metadata.eventId, { groupId, day: dayOf(metadata.occurredAt), counters, sellers, mentees }));
  };
  // Earnings events carry no group: the participant's record names it.
  const groupOf = async (contract: EventContract, participantId: string) => {
    const groupId = await deps.sources.participantGroup(participantId);
    // Earnings move only for participants with delivered orders: a missing one is a fault to retry and dead-letter.
    if (!groupId) throw new Error(`${contract.detailType} for unknown participant ${participantId}`);
    return groupId;
  };
  return [
    on(ParticipantRegistered, ({ metadata, data }) => apply(metadata, data.groupId, { registered: 1 })),
    on(TrainingEnrolled, ({ metadata, data }) => apply(metadata, data.groupId, { enrolled: 1 })),
    on(TrainingCompleted, ({ metadata, data }) => apply(metadata, data.groupId, { completedTraining: 1 })),
    on(ProductListed, ({ metadata, data }) => apply(metadata, data.groupId, { listed: 1 })),
    on(OrderPlaced, ({ metadata, data }) => apply(metadata, data.groupId, { placed: 1 })),
    on(OrderPaid, ({ metadata, data }) => apply(metadata, data.groupId, { paid: 1 })),
    on(OrderCancelled, ({ metadata, data }) => apply(metadata, data.groupId, { cancelled: 1 })),
    // The one event of every refund: cancelling a paid order announces OrderRefunded too, so nothing else counts one.
    on(OrderRefunded, ({ metadata, data }) => apply(metadata, data.groupId, { refunded: 1, refundedIdr: data.totalIdr })),
    on(OrderDelivered, async ({ metadata, data }) => {
      const delta = await deliveryFigures(deps.sources, data.orderId);
      await apply(metadata, data.groupId, delta.counters, { sellers: delta.sellers });
    }),
    on(EarningsCredited, async ({ metadata, data }) =>
      apply(metadata, await groupOf(EarningsCredited, data.participantId), { participantEarningsIdr: data.amountIdr }),
    ),
    // amountIdr is what was taken back, positive: it nets the credit out of the same figure.
    on(EarningsReversed, async ({ metadata, data }) =>
      apply(metadata, await groupOf(EarningsReversed, data.participantId), { participantEarningsIdr: -data.amountIdr }),
    ),
    on(PayoutRecorded, ({ metadata, data }) => apply(metadata, data.groupId, { payoutsIdr: data.amountIdr })),
    // The participant joins the bucket's set of mentees, so one mentored twice in a range counts once, as a seller does.
    on(MentoringRecorded, ({ metadata, data }) =>
      apply(metadata, data.groupId, { mentoringSessions: 1 }, { mentees: [data.participantId] }),
    ),
    on(PlacementStarted, ({ metadata, data }) =>
      apply(metadata, data.groupId, { placementsStarted: 1, [placementKindCounter[data.kind]]: 1 }),
    ),
    on(PlacementEnded, ({ metadata, data }) => apply(metadata, data.groupId, { placementsEnded: 1 })),
    // Counted on the day it was recorded, as placements are: the event's time, not the day the participant was contacted.
    on(FollowUpRecorded, async ({ metadata, data }) => {
      const working = await deps.sources.followUpWorking(data.participantId, data.enrollmentId, data.monthsAfter);
      // The record is written with its event: a missing one is a fault to retry and dead-letter.
      if (working === undefined) throw new Error(`FollowUpRecorded for unknown follow-up ${data.followUpId}`);
      await apply(metadata, data.groupId, { followUpsDone: 1, followUpsWorking: working ? 1 : 0 });
    }),
  ];
}

/**
 * What a delivered order adds: its total as revenue, its sellers, and the waste its pieces recycled, from the
 * products' materials as they are when the delivery is counted (the order does not copy them).
 */
export async function deliveryFigures(
  sources: ReportSources,
  orderId: string,
): Promise<{ counters: Partial<Counters>; sellers: string[] }> {
  const order = await sources.order(orderId);
  if (!order) throw new Error(`OrderDelivered for unknown order ${orderId}`);
  const grams = await sources.productGrams([...new Set(order.items.map((item) => item.productId))]);
  let wasteRecycledGrams = 0;
  for (const item of order.items) {
    const perPiece = grams.get(item.productId);
    if (perPiece === undefined) throw new Error(`Order ${orderId} holds unknown product ${item.productId}`);
    wasteRecycledGrams += item.quantity * perPiece;
  }
  return {
    counters: { delivered: 1, revenueIdr: order.totalIdr, wasteRecycledGrams },
    sellers: [...new Set(order.items.map((item) => item.participantId))],
  };
}
