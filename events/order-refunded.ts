import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, OrderId } from './ids.ts';

export const OrderRefunded = defineEvent({
  detailType: 'OrderRefunded',
  source: EventSource.orders,
  data: z.strictObject({
    orderId: OrderId,
    groupId: GroupId,
    totalIdr: z.int().check(z.positive()),
    method: z.enum(['bank_transfer', 'cash', 'qris', 'other']),
  }),
});
