import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, ParticipantId, ProductId } from './ids.ts';

export const ProductListed = defineEvent({
  detailType: 'ProductListed',
  source: EventSource.catalog,
  data: z.strictObject({
    productId: ProductId,
    participantId: ParticipantId,
    groupId: GroupId,
    title: z.string(),
    category: z.string(),
    priceIdr: z.int().check(z.positive()),
    stock: z.int().check(z.minimum(0)),
  }),
});
