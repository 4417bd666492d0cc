import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, OrderId } from './ids.ts';

export const OrderCancelled = defineEvent({
  detailType: 'OrderCancelled',
  source: EventSource.orders,
  data: z.strictObject({ orderId: OrderId, groupId: GroupId, reason: z.string() }),
});
