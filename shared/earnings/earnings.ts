import { EarningsCredited } from '#events/earnings-credited';
import type { EventData } from '#events/event-contract';
import type { OrderDelivered } from '#events/order-delivered';
import type { Caller } from '#shared/kernel/auth/caller';
import type { Clock } from '#shared/kernel/clock';
import { NotFoundError } from '#shared/kernel/errors';
import { maxOrderItems } from '#shared/orders/schemas';
import { canSeeParticipant } from '#shared/kernel/auth/private-view';
import { type AccessLogDeps, recordAccess } from '#shared/kernel/access-log/access-log';
import { pendingEvent } from '#shared/kernel/store/outbox';
import { changesOf, dateOf, summaryOf } from './ledger-lines.ts';
import { splitSubtotal, sumIdr } from './money.ts';
import type { DeliveredOrder, EarningsLedger, EarningsSources, ItemShare, LedgerLine, OrderCredit } from './ports.ts';
import { reversalFor } from './reversals.ts';
import type { EarningsSummary, ParticipantEarnings } from './schemas.ts';

export interface EarningsDeps {
  ledger: EarningsLedger;
  sources: EarningsSources;
  clock: Clock;
}

/** What became of one OrderDelivered: only 'credited' and 'credited-and-reversed' wrote anything. */
export type CreditEarningsOutcome =
  'credited' | 'credited-and-reversed' | 'already-credited' | 'order-missing' | 'not-delivered' | 'group-mismatch';

/** An order that was delivered, whatever came after (a return asked for, refused, or refunded): its earnings are due. */
export const deliveredStatuses = ['delivered', 'return_requested', 'return_refused', 'refunded'] as const;

const sumPerParticipant = (shares: readonly ItemShare[]) =>
  [...new Set(shares.map((share) => share.participantId))].map((participantId) => ({
    participantId,
    amountIdr: sumIdr(shares.filter((share) => share.participantId === participantId).map((share) => Math.abs(share.amountIdr))),
  }));

/** The split of every item, each participant's sum, its event and its reversal: all computed before anything is written. */
export function creditFor(order: DeliveredOrder, sharePercent: number, creditedAt: string): OrderCredit {
  // One transaction holds the guard, two checks, an entry per item and three rows per participant (two events if reversed).
  if (order.items.length > maxOrderItems) throw new RangeError(`Order ${order.id} has more than ${maxOrderItems} items`);
  const shares: ItemShare[] = order.items.map(({ productId, participantId, subtotalIdr }) => ({
    participantId,
    productId,
    amountIdr: splitSubtotal(subtotalIdr, sharePercent).participantIdr,
  }));
  const lines: LedgerLine[] = shares.map(({ participantId, productId, amountIdr }) => ({
    kind: 'credit',
    participantId,
    date: dateOf(creditedAt),
    at: creditedAt,
    amountIdr,
    orderId: order.id,
    productId,
  }));
  const subtotalsIdr = sumIdr(order.items.map((item) => item.subtotalIdr));
  return {
    orderId: order.id,
    groupId: order.groupId,
    sharePercent,
    creditedAt,
    shares,
    lines,
    changes: changesOf(lines),
    groupIdr: sumIdr([subtotalsIdr, -sumIdr(shares.map((share) => share.amountIdr))]),
    events: sumPerParticipant(shares).map(({ participantId, amountIdr }) =>
      pendingEvent(EarningsCredited, { participantId, orderId: order.id, amountIdr }, creditedAt),
    ),
    reversal: reversalFor({ orderId: order.id, groupId: order.groupId, shares }, creditedAt),
  };
}

/**
 * Consumer of OrderDelivered. Credits each item's share exactly once however often the event comes: the ledger's
 * transaction is guarded by the order. If the order's earnings were already reversed (its refund's event came
 * first), the credit is written together with its reversal. An event that does not match a delivered order is
 * refused without retrying (a retry would not change the order); a missing group is a fault and throws.
 */
export async function creditEarnings(deps: EarningsDeps, delivered: EventData<typeof OrderDelivered>): Promise<CreditEarningsOutcome> {
  const order = await deps.sources.order(delivered.orderId);
  if (!order) return 'order-missing';
  if (order.groupId !== delivered.groupId) return 'group-mismatch';
  if (!(deliveredStatuses as readonly string[]).includes(order.status)) return 'not-delivered';
  const sharePercent = await deps.sources.sharePercentOf(order.groupId);
  if (sharePercent === undefined) throw new Error(`Group ${order.groupId} of order ${order.id} does not exist`);
  return deps.ledger.credit(creditFor(order, sharePercent, deps.clock.now().toISOString()));
}

/** The visibility check of every private earnings read: strangers get 404, as for the participant's record itself. */
export async function groupIfVisible(sources: Pick<EarningsSources, 'groupOf'>, caller: Caller, participantId: string): Promise<string> {
  const groupId = await sources.groupOf(participantId);
  if (!groupId || !canSeeParticipant(caller, { id: participantId, groupId })) throw new NotFoundError('Participant');
  return groupId;
}

export async function getParticipantEarnings(
  deps: Pick<EarningsDeps, 'ledger' | 'sources'> & AccessLogDeps,
  caller: Caller,
  participantId: string,
): Promise<ParticipantEarnings> {
  await groupIfVisible(deps.sources, caller, participantId);
  await recordAccess(deps, caller, 'earnings.read', [participantId]);
  return { participantId, ...(await earningsOf(deps.ledger, participantId)) };
}

/** Every entry, newest first, with the sums of all lines (the participant export reads it too). */
export async function earningsOf(ledger: Pick<EarningsLedger, 'linesOf'>, participantId: string): Promise<EarningsSummary> {
  return summaryOf(await ledger.linesOf(participantId));
}
