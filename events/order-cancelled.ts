import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, OrderId } from './ids.ts';

/** Why an order was cancelled, as a code: free text could carry personal data to partners, a code cannot. */
export const CancellationReason = z.enum(['buyer_request', 'out_of_stock', 'payment_expired', 'payment_failed', 'other']);

export const OrderCancelled = defineEvent({
  detailType: 'OrderCancelled',
  source: EventSource.orders,
  data: z.strictObject({ orderId: OrderId, groupId: GroupId, reason: CancellationReason }),
});
