import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, MentoringSessionId, ParticipantId } from './ids.ts';

export const MentoringTopic = z.enum(['business', 'marketing', 'production', 'personal', 'other']);

/** The topic as a code; the session's notes stay in the participant's private record. */
export const MentoringRecorded = defineEvent({
  detailType: 'MentoringRecorded',
  source: EventSource.programme,
  data: z.strictObject({ sessionId: MentoringSessionId, participantId: ParticipantId, groupId: GroupId, topic: MentoringTopic }),
});
