import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, ParticipantId } from './ids.ts';

export const ParticipantRegistered = defineEvent({
  detailType: 'ParticipantRegistered',
  source: EventSource.participants,
  data: z.strictObject({ participantId: ParticipantId, groupId: GroupId }),
});
