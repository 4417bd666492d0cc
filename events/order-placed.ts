import * as z from 'zod';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, OrderId, ParticipantId, ProductId } from './ids.ts';

export const OrderPlaced = defineEvent({
  detailType: 'OrderPlaced',
  source: EventSource.orders,
  data: z
    .object({
      orderId: OrderId,
      groupId: GroupId,
      items: z.array(
        z
          .object({
            productId: ProductId,
            participantId: ParticipantId,
            quantity: z.number().int().positive(),
            unitPriceIdr: z.number().int().positive(),
          })
          .strict(),
      ),
      totalIdr: z.number().int().positive(),
    })
    .strict(),
});
