import * as z from 'zod';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, ParticipantId, ProductId } from './ids.ts';

export const ProductListed = defineEvent({
  detailType: 'ProductListed',
  source: EventSource.catalog,
  data: z
    .object({
      productId: ProductId,
      participantId: ParticipantId,
      groupId: GroupId,
      title: z.string(),
      category: z.string(),
      priceIdr: z.number().int().positive(),
      stock: z.number().int().min(0),
    })
    .strict(),
});
