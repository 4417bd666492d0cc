import { EarningsReversed } from '#events/earnings-reversed';
import type { Clock } from '#shared/kernel/clock';
import { pendingEvent } from '#shared/kernel/store/outbox';
import { changesOf, dateOf } from './ledger-lines.ts';
import { reversalOf } from './money.ts';
import type { CreditRecord, EarningsLedger, EarningsSources, LedgerLine, OrderReversal, ReversalOutcome } from './ports.ts';

export interface ReversalDeps {
  ledger: EarningsLedger;
  sources: Pick<EarningsSources, 'order'>;
  clock: Clock;
}

/** One negative line per credited item, each exactly its credit, and one EarningsReversed (positive) per participant. */
export function reversalFor(credited: CreditRecord, reversedAt: string): OrderReversal {
  const lines: LedgerLine[] = credited.shares.map(({ participantId, productId, amountIdr }) => ({
    kind: 'reversal',
    participantId,
    date: dateOf(reversedAt),
    at: reversedAt,
    amountIdr: reversalOf(amountIdr),
    orderId: credited.orderId,
    productId,
  }));
  const changes = changesOf(lines);
  return {
    orderId: credited.orderId,
    groupId: credited.groupId,
    reversedAt,
    lines,
    changes,
    events: changes.map(({ participantId, reversedIdr }) =>
      pendingEvent(EarningsReversed, { participantId, orderId: credited.orderId, amountIdr: reversedIdr }, reversedAt),
    ),
  };
}

export type ReverseEarningsOutcome = Exclude<ReversalOutcome, 'raced'> | 'order-missing' | 'group-mismatch' | 'not-ended';

/** A credit and a reversal racing each other settle within a few rounds: each round one of them has written. */
const reversalRounds = 3;

/**
 * Consumer of OrderRefunded and OrderCancelled: takes back whatever was credited for the order, exactly once,
 * whatever order the events arrive in. With nothing credited yet it still marks the order reversed, so a credit
 * that comes later is written with its reversal. The order must have ended as the event says (one of `endedAs`:
 * OrderRefunded also comes with the cancellation of a paid order); any other event is refused without retrying.
 */
export async function reverseEarnings(
  deps: ReversalDeps,
  event: { orderId: string; groupId: string },
  endedAs: readonly ('refunded' | 'cancelled')[],
): Promise<ReverseEarningsOutcome> {
  const order = await deps.sources.order(event.orderId);
  if (!order) return 'order-missing';
  if (order.groupId !== event.groupId) return 'group-mismatch';
  if (!(endedAs as readonly string[]).includes(order.status)) return 'not-ended';
  for (let round = 1; ; round += 1) {
    const credited = await deps.ledger.creditOf(order.id);
    const reversal = reversalFor(credited ?? { orderId: order.id, groupId: order.groupId, shares: [] }, deps.clock.now().toISOString());
    const outcome = await deps.ledger.reverse(reversal, credited !== undefined);
    if (outcome !== 'raced') return outcome;
    if (round >= reversalRounds) throw new Error(`The reversal of order ${order.id} kept racing its credit; the event is retried`);
  }
}
