import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, OrderId } from './ids.ts';

export const OrderDelivered = defineEvent({
  detailType: 'OrderDelivered',
  source: EventSource.orders,
  data: z.strictObject({ orderId: OrderId, groupId: GroupId }),
});
