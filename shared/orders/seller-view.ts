import type { OrderChanges } from './ports.ts';
import type { Order, SellerOrder } from './schemas.ts';

type Timestamps = Pick<
  SellerOrder,
  'paidAt' | 'shippedAt' | 'deliveredAt' | 'cancelledAt' | 'returnRequestedAt' | 'refundedAt' | 'returnRefusedAt' | 'updatedAt'
>;

/**
 * When each step happened, taken out of the objects that record it: a payment's, shipment's or refund's reference
 * and a cancellation's, return's or refusal's note stay behind. A new lifecycle timestamp is one more line here.
 */
function timestampsOf(
  order: Partial<
    Pick<Order, 'payment' | 'shipment' | 'deliveredAt' | 'cancellation' | 'returnRequest' | 'refund' | 'returnRefusal' | 'updatedAt'>
  >,
): Timestamps {
  return {
    ...(order.payment ? { paidAt: order.payment.paidAt } : {}),
    ...(order.shipment ? { shippedAt: order.shipment.shippedAt } : {}),
    ...(order.deliveredAt ? { deliveredAt: order.deliveredAt } : {}),
    ...(order.cancellation ? { cancelledAt: order.cancellation.cancelledAt } : {}),
    ...(order.returnRequest ? { returnRequestedAt: order.returnRequest.requestedAt } : {}),
    ...(order.refund ? { refundedAt: order.refund.refundedAt } : {}),
    ...(order.returnRefusal ? { returnRefusedAt: order.returnRefusal.refusedAt } : {}),
    ...(order.updatedAt ? { updatedAt: order.updatedAt } : {}),
  };
}

/** The order as this participant sells in it: their lines only, and nothing of the buyer or the other sellers. */
export function sellerView(order: Order, participantId: string): SellerOrder {
  const items = order.items.filter((item) => item.participantId === participantId);
  return {
    id: order.id,
    groupId: order.groupId,
    status: order.status,
    items,
    sellerSubtotalIdr: items.reduce((sum, item) => sum + item.subtotalIdr, 0),
    createdAt: order.createdAt,
    payBy: order.payBy,
    ...timestampsOf(order),
  };
}

/** What a lifecycle step sets on each seller row: the status and the step's timestamp, never the step's record. */
export function sellerRowChanges(changes: OrderChanges): Pick<SellerOrder, 'status'> & Timestamps {
  return { status: changes.status, ...timestampsOf(changes) };
}
