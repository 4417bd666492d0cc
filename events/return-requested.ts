import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, OrderId } from './ids.ts';

export const ReturnRequested = defineEvent({
  detailType: 'ReturnRequested',
  source: EventSource.orders,
  data: z.strictObject({
    orderId: OrderId,
    groupId: GroupId,
    reason: z.enum(['damaged', 'not_as_described', 'wrong_item', 'other']),
  }),
});
