import * as z from 'zod';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, OrderId } from './ids.ts';

export const OrderPaid = defineEvent({
  detailType: 'OrderPaid',
  source: EventSource.orders,
  data: z
    .object({
      orderId: OrderId,
      groupId: GroupId,
      totalIdr: z.number().int().positive(),
      method: z.enum(['bank_transfer', 'cash', 'qris', 'other', 'midtrans']),
    })
    .strict(),
});
