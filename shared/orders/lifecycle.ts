import { OrderCancelled } from '#events/order-cancelled';
import { OrderDelivered } from '#events/order-delivered';
import { OrderPaid } from '#events/order-paid';
import { OrderRefunded } from '#events/order-refunded';
import { OrderShipped } from '#events/order-shipped';
import { type Caller, isFacilitatorOf } from '#shared/kernel/auth/caller';
import type { Clock } from '#shared/kernel/clock';
import { BusinessRuleError, ConflictError, ForbiddenError, NotFoundError } from '#shared/kernel/errors';
import { pendingEvent } from '#shared/kernel/store/outbox';
import { canSee } from './orders.ts';
import type { OrderStore, Transition } from './ports.ts';
import type { CancelOrder, Cancellation, Order, OrderStatus, Payment, RecordPayment, RecordShipment, Refund } from './schemas.ts';

export interface LifecycleDeps {
  orders: OrderStore;
  clock: Clock;
}

export type LifecycleStep = 'payment' | 'shipment' | 'delivery' | 'cancellation' | 'return' | 'refund' | 'returnRefusal';

/** The part a caller plays in an order: the facilitator of its group, or its buyer. */
export type Actor = 'facilitator' | 'buyer';

/** Who may take each step, and from which statuses (CONTRACT §3 Orders). */
export const lifecycleRules: Record<LifecycleStep, { to: OrderStatus; from: Partial<Record<Actor, readonly OrderStatus[]>> }> = {
  payment: { to: 'paid', from: { facilitator: ['placed'] } },
  shipment: { to: 'shipped', from: { facilitator: ['paid'] } },
  delivery: { to: 'delivered', from: { facilitator: ['shipped'], buyer: ['shipped'] } },
  cancellation: { to: 'cancelled', from: { facilitator: ['placed', 'paid'], buyer: ['placed'] } },
  return: { to: 'return_requested', from: { buyer: ['delivered'] } },
  refund: { to: 'refunded', from: { facilitator: ['return_requested'] } },
  returnRefusal: { to: 'return_refused', from: { facilitator: ['return_requested'] } },
};

/** Facilitator first: someone who is both (a facilitator buying from their own group) gets the wider allowance. */
export function actorsOf(caller: Caller, order: Pick<Order, 'groupId' | 'buyerSub'>): Actor[] {
  return [
    ...(isFacilitatorOf(caller, order.groupId) ? ['facilitator' as const] : []),
    ...(caller.sub === order.buyerSub ? ['buyer' as const] : []),
  ];
}

export type Decision =
  | { kind: 'allowed'; actor: Actor; from: readonly OrderStatus[] }
  | { kind: 'forbidden'; message: string }
  | { kind: 'conflict'; message: string };

const stepNames: Record<LifecycleStep, string> = {
  payment: 'Payment can be recorded',
  shipment: 'Shipment can be recorded',
  delivery: 'Delivery can be confirmed',
  cancellation: 'The order can be cancelled',
  return: 'A return can be requested',
  refund: 'A refund can be recorded',
  returnRefusal: 'A return can be refused',
};

function statusList(statuses: readonly OrderStatus[]): string {
  return statuses.join(' or ');
}

/** The 409's words: the order's current status and when the step would have been possible. */
export function wrongStatusMessage(step: LifecycleStep, status: OrderStatus, actor: Actor): string {
  const from = lifecycleRules[step].from[actor] ?? [];
  const by = step === 'cancellation' ? ` by the ${actor}` : '';
  return `The order is ${status}. ${stepNames[step]}${by} only while it is ${statusList(from)}`;
}

/** Whether these actors may take the step from this status: 403 for a role that never may, 409 for the wrong moment. */
export function decide(step: LifecycleStep, actors: readonly Actor[], status: OrderStatus): Decision {
  const permitted = actors.filter((actor) => lifecycleRules[step].from[actor] !== undefined);
  const [first] = permitted;
  if (first === undefined) {
    const who = Object.keys(lifecycleRules[step].from).join(' or the ');
    return { kind: 'forbidden', message: `Only the ${who} of the order may do this` };
  }
  const actor = permitted.find((candidate) => lifecycleRules[step].from[candidate]?.includes(status));
  if (actor === undefined) return { kind: 'conflict', message: wrongStatusMessage(step, status, first) };
  return { kind: 'allowed', actor, from: lifecycleRules[step].from[actor] ?? [] };
}

/** Paying, by a facilitator or by a verified Midtrans notification. */
export function paymentTransition(order: Order, payment: Payment, from: readonly OrderStatus[]): Transition {
  return {
    order,
    from,
    changes: { status: 'paid', payment, updatedAt: payment.paidAt },
    events: [
      pendingEvent(
        OrderPaid,
        { orderId: order.id, groupId: order.groupId, totalIdr: order.totalIdr, method: payment.method },
        payment.paidAt,
      ),
    ],
    restock: false,
  };
}

/** OrderRefunded: how much went back and how, never the reference. The one event partners and the report learn refunds from. */
export const refundedEvent = (order: Order, refund: Refund) =>
  pendingEvent(
    OrderRefunded,
    { orderId: order.id, groupId: order.groupId, totalIdr: order.totalIdr, method: refund.method },
    refund.refundedAt,
  );

/**
 * Cancelling gives every line's stock back, in the same transaction. The event carries the code; the note stays on
 * the order. A paid order is cancelled with its refund, so OrderRefunded is written with OrderCancelled.
 */
export function cancellationTransition(
  order: Order,
  cancellation: Cancellation,
  from: readonly OrderStatus[],
  refund?: Refund,
): Transition {
  const cancelled = pendingEvent(
    OrderCancelled,
    { orderId: order.id, groupId: order.groupId, reason: cancellation.reason },
    cancellation.cancelledAt,
  );
  return {
    order,
    from,
    changes: { status: 'cancelled', cancellation, ...(refund ? { refund } : {}), updatedAt: cancellation.cancelledAt },
    events: refund ? [cancelled, refundedEvent(order, refund)] : [cancelled],
    restock: true,
  };
}

type Build = (order: Order, at: string, actor: Actor, from: readonly OrderStatus[]) => Transition;

/** The 409 of a lost race: a step written only from the status it was decided on may find another it allows. */
function movedOnMessage(step: LifecycleStep, status: OrderStatus, actor: Actor): string {
  if (lifecycleRules[step].from[actor]?.includes(status)) return `The order became ${status} meanwhile; read it again and decide anew`;
  return wrongStatusMessage(step, status, actor);
}

/** Reads the order, decides (404, 403, 409) and writes the step's transition, which may refuse the step itself (422). */
export async function takeStep(deps: LifecycleDeps, caller: Caller, orderId: string, step: LifecycleStep, build: Build): Promise<Order> {
  const order = await deps.orders.get(orderId);
  if (!order || !canSee(caller, order)) throw new NotFoundError('Order');
  const decision = decide(step, actorsOf(caller, order), order.status);
  if (decision.kind === 'forbidden') throw new ForbiddenError(decision.message);
  if (decision.kind === 'conflict') throw new ConflictError(decision.message);
  const result = await deps.orders.transition(build(order, deps.clock.now().toISOString(), decision.actor, decision.from));
  // Another request moved the order on between the read and the write.
  if (result.outcome === 'status-changed') throw new ConflictError(movedOnMessage(step, result.status, decision.actor));
  return result.order;
}

export function recordPayment(deps: LifecycleDeps, caller: Caller, orderId: string, input: RecordPayment): Promise<Order> {
  return takeStep(deps, caller, orderId, 'payment', (order, at, _actor, from) =>
    paymentTransition(order, { method: input.method, reference: input.reference, paidAt: at }, from),
  );
}

export function recordShipment(deps: LifecycleDeps, caller: Caller, orderId: string, input: RecordShipment): Promise<Order> {
  return takeStep(deps, caller, orderId, 'shipment', (order, at, _actor, from) => ({
    order,
    from,
    changes: {
      status: 'shipped',
      shipment: { courier: input.courier, trackingNumber: input.trackingNumber, shippedAt: at },
      updatedAt: at,
    },
    events: [
      pendingEvent(
        OrderShipped,
        { orderId: order.id, groupId: order.groupId, courier: input.courier, trackingNumber: input.trackingNumber },
        at,
      ),
    ],
    restock: false,
  }));
}

export function confirmDelivery(deps: LifecycleDeps, caller: Caller, orderId: string): Promise<Order> {
  return takeStep(deps, caller, orderId, 'delivery', (order, at, _actor, from) => ({
    order,
    from,
    changes: { status: 'delivered', deliveredAt: at, updatedAt: at },
    events: [pendingEvent(OrderDelivered, { orderId: order.id, groupId: order.groupId }, at)],
    restock: false,
  }));
}

/** Whether the money must go back with the cancellation: it came in, so it must; it did not, so there is none to give. */
function refundOf(order: Order, input: CancelOrder, at: string): Refund | undefined {
  if (order.status === 'paid' && input.refund === undefined)
    throw new BusinessRuleError('The order is paid: cancel it with the refund that gives the money back', [
      { path: 'body.refund', message: 'Required to cancel a paid order' },
    ]);
  if (order.status !== 'paid' && input.refund !== undefined)
    throw new BusinessRuleError(`The order is ${order.status}: no payment came in, so there is nothing to refund`, [
      { path: 'body.refund', message: 'Only for a paid order' },
    ]);
  return input.refund && { ...input.refund, refundedAt: at, restocked: true };
}

export function cancelOrder(deps: LifecycleDeps, caller: Caller, orderId: string, input: CancelOrder): Promise<Order> {
  return takeStep(deps, caller, orderId, 'cancellation', (order, at, actor) =>
    cancellationTransition(
      order,
      { reason: input.reason, by: actor, cancelledAt: at, ...(input.note === undefined ? {} : { note: input.note }) },
      // Only from the status read: a placed order paid meanwhile must not be cancelled without its refund.
      [order.status],
      refundOf(order, input, at),
    ),
  );
}
