import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, ParticipantId, ProductId } from './ids.ts';

export const ProductDelisted = defineEvent({
  detailType: 'ProductDelisted',
  source: EventSource.catalog,
  data: z.strictObject({ productId: ProductId, participantId: ParticipantId, groupId: GroupId }),
});
