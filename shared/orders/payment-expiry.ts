import type { Clock } from '#shared/kernel/clock';
import { sweepDue } from '#shared/kernel/store/due-sweep';
import { cancellationTransition } from './lifecycle.ts';
import type { OrderStore, PaymentExpiryStore } from './ports.ts';

export interface PaymentExpiryDeps {
  expiries: PaymentExpiryStore;
  orders: OrderStore;
  clock: Clock;
}

/**
 * Cancels every order still placed at its payBy, as any cancellation is: one transaction gives the stock back,
 * updates the seller rows and writes OrderCancelled. It is conditional on the order still being placed, so a
 * payment racing it wins or loses whole, and a repeated run cancels nothing twice.
 */
export function expireUnpaidOrders(deps: PaymentExpiryDeps, pageSize = 25): Promise<{ done: number; finished: boolean }> {
  const now = deps.clock.now().toISOString();
  return sweepDue(
    (after) => deps.expiries.due(now, pageSize, after),
    (orderId) => expire(deps, orderId, now),
  );
}

async function expire(deps: PaymentExpiryDeps, orderId: string, at: string): Promise<boolean> {
  const order = await deps.orders.get(orderId);
  // Paying or cancelling takes an order out of the partition in the same write, so this is a race just lost.
  if (order?.status !== 'placed') return false;
  const cancellation = { reason: 'payment_expired' as const, by: 'system' as const, cancelledAt: at };
  const result = await deps.orders.transition(cancellationTransition(order, cancellation, ['placed']));
  return result.outcome === 'done';
}
