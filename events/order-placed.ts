import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, OrderId, ParticipantId, ProductId } from './ids.ts';

export const OrderPlaced = defineEvent({
  detailType: 'OrderPlaced',
  source: EventSource.orders,
  data: z.strictObject({
    orderId: OrderId,
    groupId: GroupId,
    items: z.array(
      z.strictObject({
        productId: ProductId,
        participantId: ParticipantId,
        quantity: z.int().check(z.positive()),
        unitPriceIdr: z.int().check(z.positive()),
      }),
    ),
    totalIdr: z.int().check(z.positive()),
  }),
});
