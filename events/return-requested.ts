import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, OrderId } from './ids.ts';

/** Why a buyer sends goods back, as a code: the buyer's own words stay on the order. */
export const ReturnReason = z.enum(['damaged', 'not_as_described', 'wrong_item', 'other']);

export const ReturnRequested = defineEvent({
  detailType: 'ReturnRequested',
  source: EventSource.orders,
  data: z.strictObject({
    orderId: OrderId,
    groupId: GroupId,
    reason: ReturnReason,
  }),
});
