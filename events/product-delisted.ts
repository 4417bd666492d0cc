import * as z from 'zod';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, ParticipantId, ProductId } from './ids.ts';

export const ProductDelisted = defineEvent({
  detailType: 'ProductDelisted',
  source: EventSource.catalog,
  data: z.object({ productId: ProductId, participantId: ParticipantId, groupId: GroupId }).strict(),
});
