import * as z from 'zod';
import { defineEvent, EventSource } from './event-contract.ts';
import { OrderId, ParticipantId } from './ids.ts';

export const EarningsCredited = defineEvent({
  detailType: 'EarningsCredited',
  source: EventSource.earnings,
  data: z.object({ participantId: ParticipantId, orderId: OrderId, amountIdr: z.number().int().min(0) }).strict(),
});
