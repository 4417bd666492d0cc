import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { OrderId, ParticipantId } from './ids.ts';

/** amountIdr is what was taken back, as a positive amount: the credit's own figure. */
export const EarningsReversed = defineEvent({
  detailType: 'EarningsReversed',
  source: EventSource.earnings,
  data: z.strictObject({ participantId: ParticipantId, orderId: OrderId, amountIdr: z.int().check(z.minimum(0)) }),
});
