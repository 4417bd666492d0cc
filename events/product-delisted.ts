import * as z from '#shared/validation';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, ParticipantId, ProductId } from './ids.ts';

export const ProductDelisted = defineEvent({
  detailType: 'ProductDelisted',
  source: EventSource.catalog,
  data: z.strictObject({ productId: ProductId, participantId: ParticipantId, groupId: GroupId }),
});
