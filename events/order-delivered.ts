import * as z from 'zod';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, OrderId } from './ids.ts';

export const OrderDelivered = defineEvent({
  detailType: 'OrderDelivered',
  source: EventSource.orders,
  data: z.object({ orderId: OrderId, groupId: GroupId }).strict(),
});
