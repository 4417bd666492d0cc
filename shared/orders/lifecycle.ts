import { OrderCancelled } from '#events/order-cancelled';
import { OrderDelivered } from '#events/order-delivered';
import { OrderPaid } from '#events/order-paid';
import { OrderShipped } from '#events/order-shipped';
import { type Caller, isFacilitatorOf } from '#shared/kernel/auth/caller';
import type { Clock } from '#shared/kernel/clock';
import { ConflictError, ForbiddenError, NotFoundError } from '#shared/kernel/errors';
import { pendingEvent } from '#shared/kernel/store/outbox';
import { canSee } from './orders.ts';
import type { OrderStore, Transition } from './ports.ts';
import type { CancelOrder, Cancellation, Order, OrderStatus, Payment, RecordPayment, RecordShipment } from './schemas.ts';

export interface LifecycleDeps {
  orders: OrderStore;
  clock: Clock;
}

export type LifecycleStep = 'payment' | 'shipment' | 'delivery' | 'cancellation';

/** The part a caller plays in an order: the facilitator of its group, or its buyer. */
export type Actor = 'facilitator' | 'buyer';

/** Who may take each step, and from which statuses (CONTRACT §3 Orders). */
export const lifecycleRules: Record<LifecycleStep, { to: OrderStatus; from: Partial<Record<Actor, readonly OrderStatus[]>> }> = {
  payment: { to: 'paid', from: { facilitator: ['placed'] } },
  shipment: { to: 'shipped', from: { facilitator: ['paid'] } },
  delivery: { to: 'delivered', from: { facilitator: ['shipped'], buyer: ['shipped'] } },
  cancellation: { to: 'cancelled', from: { facilitator: ['placed', 'paid'], buyer: ['placed'] } },
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
    event: pendingEvent(
      OrderPaid,
      { orderId: order.id, groupId: order.groupId, totalIdr: order.totalIdr, method: payment.method },
      payment.paidAt,
    ),
    restock: false,
  };
}

/** Cancelling gives every line's stock back, in the same transaction. The event carries the code; the note stays on the order. */
export function cancellationTransition(order: Order, cancellation: Cancellation, from: readonly OrderStatus[]): Transition {
  return {
    order,
    from,
    changes: { status: 'cancelled', cancellation, updatedAt: cancellation.cancelledAt },
    event: pendingEvent(
      OrderCancelled,
      { orderId: order.id, groupId: order.groupId, reason: cancellation.reason },
      cancellation.cancelledAt,
    ),
    restock: true,
  };
}

type Build = (order: Order, at: string, actor: Actor, from: readonly OrderStatus[]) => Transition;

async function takeStep(deps: LifecycleDeps, caller: Caller, orderId: string, step: LifecycleStep, build: Build): Promise<Order> {
  const order = await deps.orders.get(orderId);
  if (!order || !canSee(caller, order)) throw new NotFoundError('Order');
  const decision = decide(step, actorsOf(caller, order), order.status);
  if (decision.kind === 'forbidden') throw new ForbiddenError(decision.message);
  if (decision.kind === 'conflict') throw new ConflictError(decision.message);
  const result = await deps.orders.transition(build(order, deps.clock.now().toISOString(), decision.actor, decision.from));
  // Another request moved the order on between the read and the write.
  if (result.outcome === 'status-changed') throw new ConflictError(wrongStatusMessage(step, result.status, decision.actor));
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
    event: pendingEvent(
      OrderShipped,
      { orderId: order.id, groupId: order.groupId, courier: input.courier, trackingNumber: input.trackingNumber },
      at,
    ),
    restock: false,
  }));
}

export function confirmDelivery(deps: LifecycleDeps, caller: Caller, orderId: string): Promise<Order> {
  return takeStep(deps, caller, orderId, 'delivery', (order, at, _actor, from) => ({
    order,
    from,
    changes: { status: 'delivered', deliveredAt: at, updatedAt: at },
    event: pendingEvent(OrderDelivered, { orderId: order.id, groupId: order.groupId }, at),
    restock: false,
  }));
}

export function cancelOrder(deps: LifecycleDeps, caller: Caller, orderId: string, input: CancelOrder): Promise<Order> {
  return takeStep(deps, caller, orderId, 'cancellation', (order, at, actor, from) =>
    cancellationTransition(
      order,
      { reason: input.reason, by: actor, cancelledAt: at, ...(input.note === undefined ? {} : { note: input.note }) },
      from,
    ),
  );
}
