import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { OrderId, ParticipantId } from './ids.ts';

export const EarningsCredited = defineEvent({
  detailType: 'EarningsCredited',
  source: EventSource.earnings,
  data: z.strictObject({ participantId: ParticipantId, orderId: OrderId, amountIdr: z.int().check(z.minimum(0)) }),
});
