import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, ParticipantId, PayoutId } from './ids.ts';

/** The payout's reference (a transfer or receipt number) stays in the ledger: it can identify a bank account. */
export const PayoutRecorded = defineEvent({
  detailType: 'PayoutRecorded',
  source: EventSource.earnings,
  data: z.strictObject({
    payoutId: PayoutId,
    participantId: ParticipantId,
    groupId: GroupId,
    amountIdr: z.int().check(z.positive()),
    method: z.enum(['cash', 'bank_transfer', 'e_wallet']),
  }),
});
