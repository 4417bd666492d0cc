import * as z from 'zod';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, ParticipantId } from './ids.ts';

export const ParticipantRegistered = defineEvent({
  detailType: 'ParticipantRegistered',
  source: EventSource.participants,
  data: z.object({ participantId: ParticipantId, groupId: GroupId }).strict(),
});
