import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, OrderId } from './ids.ts';

export const OrderShipped = defineEvent({
  detailType: 'OrderShipped',
  source: EventSource.orders,
  data: z.strictObject({
    orderId: OrderId,
    groupId: GroupId,
    courier: z.enum(['jne', 'jnt', 'sicepat', 'pos', 'anteraja', 'other']),
    trackingNumber: z.string(),
  }),
});
