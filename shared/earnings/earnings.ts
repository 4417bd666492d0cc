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
import { splitSubtotal, sumIdr } from './money.ts';
import type { CreditedEntry, DeliveredOrder, EarningsLedger, EarningsSources, OrderCredit } from './ports.ts';
import type { ParticipantEarnings } from './schemas.ts';

export interface EarningsDeps {
  ledger: EarningsLedger;
  sources: EarningsSources;
  clock: Clock;
}

/** What became of one OrderDelivered: only 'credited' wrote anything. */
export type CreditOutcome = 'credited' | 'already-credited' | 'order-missing' | 'not-delivered' | 'group-mismatch';

/** The split of every item, each participant's sum and its event: all computed before anything is written. */
export function creditFor(order: DeliveredOrder, sharePercent: number, creditedAt: string): OrderCredit {
  // One transaction holds the guard, the order check, an entry per item and two rows per participant.
  if (order.items.length > maxOrderItems) throw new RangeError(`Order ${order.id} has more than ${maxOrderItems} items`);
  const entries: CreditedEntry[] = order.items.map(({ productId, participantId, subtotalIdr }) => ({
    orderId: order.id,
    productId,
    participantId,
    subtotalIdr,
    amountIdr: splitSubtotal(subtotalIdr, sharePercent).participantIdr,
    creditedAt,
  }));
  const participantIds = [...new Set(entries.map((entry) => entry.participantId))];
  const participants = participantIds.map((participantId) => ({
    participantId,
    amountIdr: sumIdr(entries.filter((entry) => entry.participantId === participantId).map((entry) => entry.amountIdr)),
  }));
  const groupIdr = sumIdr(entries.map((entry) => entry.subtotalIdr - entry.amountIdr));
  return {
    orderId: order.id,
    groupId: order.groupId,
    sharePercent,
    creditedAt,
    entries,
    participants,
    groupIdr,
    events: participants.map(({ participantId, amountIdr }) =>
      pendingEvent(EarningsCredited, { participantId, orderId: order.id, amountIdr }, creditedAt),
    ),
  };
}

/**
 * Consumer of OrderDelivered. Credits each item's share exactly once however often the event comes:
 * the ledger's transaction is guarded by the order. An event that does not match a delivered order is
 * refused without retrying (a retry would not change the order); a missing group is a fault and throws.
 */
export async function creditEarnings(deps: EarningsDeps, delivered: EventData<typeof OrderDelivered>): Promise<CreditOutcome> {
  const order = await deps.sources.order(delivered.orderId);
  if (!order) return 'order-missing';
  if (order.groupId !== delivered.groupId) return 'group-mismatch';
  if (order.status !== 'delivered') return 'not-delivered';
  const sharePercent = await deps.sources.sharePercentOf(order.groupId);
  if (sharePercent === undefined) throw new Error(`Group ${order.groupId} of order ${order.id} does not exist`);
  return deps.ledger.credit(creditFor(order, sharePercent, deps.clock.now().toISOString()));
}

/** Newest credit first; one credit's entries (same time) by order, then product, newest id first. */
const newestFirst = (a: { creditedAt: string; orderId: string; productId: string }, b: typeof a) =>
  b.creditedAt.localeCompare(a.creditedAt) || b.orderId.localeCompare(a.orderId) || b.productId.localeCompare(a.productId);

/** The participant's private view: strangers get 404, as for the participant's record itself. */
export async function getParticipantEarnings(
  deps: Pick<EarningsDeps, 'ledger' | 'sources'> & AccessLogDeps,
  caller: Caller,
  participantId: string,
): Promise<ParticipantEarnings> {
  const groupId = await deps.sources.groupOf(participantId);
  if (!groupId || !canSeeParticipant(caller, { id: participantId, groupId })) throw new NotFoundError('Participant');
  await recordAccess(deps, caller, 'earnings.read', [participantId]);
  return { participantId, ...(await earningsOf(deps.ledger, participantId)) };
}

/** Every entry, newest first, and their sum as the total: the answer always adds up, even while a credit is being written. */
export async function earningsOf(
  ledger: Pick<EarningsLedger, 'entriesOf'>,
  participantId: string,
): Promise<Omit<ParticipantEarnings, 'participantId'>> {
  const entries = (await ledger.entriesOf(participantId)).sort(newestFirst);
  return {
    totalIdr: sumIdr(entries.map((entry) => entry.amountIdr)),
    entries: entries.map(({ orderId, productId, amountIdr, creditedAt }) => ({ orderId, productId, amountIdr, creditedAt })),
  };
}
