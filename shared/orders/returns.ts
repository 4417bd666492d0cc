import { ReturnRequested } from '#events/return-requested';
import type { Caller } from '#shared/kernel/auth/caller';
import { BusinessRuleError } from '#shared/kernel/errors';
import { pendingEvent } from '#shared/kernel/store/outbox';
import { type LifecycleDeps, refundedEvent, takeStep } from './lifecycle.ts';
import type { Order, RecordRefund, RefuseReturn, RequestReturn } from './schemas.ts';

/** How long after delivery a buyer may ask to send the goods back (CONTRACT §3 Orders). */
export const returnWindowDays = 7;

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Day 7 counts to the millisecond of the delivery: a buyer told "7 days" is not cut off an hour early. A delivered
 * order always holds its `deliveredAt`: the step that delivered it wrote both.
 */
function checkReturnWindow(order: Order, at: string): void {
  const closesAt = Date.parse(order.deliveredAt as string) + returnWindowDays * dayMs;
  if (Date.parse(at) > closesAt)
    throw new BusinessRuleError(
      `A return can be requested within ${returnWindowDays} days of delivery; that ended ${new Date(closesAt).toISOString()}`,
    );
}

/** The buyer asks to send a delivered order back. ReturnRequested carries the reason code; the note stays on the order. */
export function requestReturn(deps: LifecycleDeps, caller: Caller, orderId: string, input: RequestReturn): Promise<Order> {
  return takeStep(deps, caller, orderId, 'return', (order, at, _actor, from) => {
    checkReturnWindow(order, at);
    const returnRequest = { reason: input.reason, requestedAt: at, ...(input.note === undefined ? {} : { note: input.note }) };
    return {
      order,
      from,
      changes: { status: 'return_requested', returnRequest, updatedAt: at },
      events: [pendingEvent(ReturnRequested, { orderId: order.id, groupId: order.groupId, reason: input.reason }, at)],
      restock: false,
    };
  });
}

/** The facilitator gives the money back for a returned order and, if the goods can be sold again, their stock. */
export function recordRefund(deps: LifecycleDeps, caller: Caller, orderId: string, input: RecordRefund): Promise<Order> {
  return takeStep(deps, caller, orderId, 'refund', (order, at, _actor, from) => {
    const refund = { method: input.method, reference: input.reference, refundedAt: at, restocked: input.restock };
    return {
      order,
      from,
      changes: { status: 'refunded', refund, updatedAt: at },
      events: [refundedEvent(order, refund)],
      restock: input.restock,
    };
  });
}

/** The facilitator refuses the return, for good. The contract names no event for it: nothing leaves the order. */
export function refuseReturn(deps: LifecycleDeps, caller: Caller, orderId: string, input: RefuseReturn): Promise<Order> {
  return takeStep(deps, caller, orderId, 'returnRefusal', (order, at, _actor, from) => ({
    order,
    from,
    changes: { status: 'return_refused', returnRefusal: { note: input.note, refusedAt: at }, updatedAt: at },
    events: [],
    restock: false,
  }));
}
