import * as z from 'zod';
import { defineEvent, EventSource } from './event-contract.ts';
import { EnrollmentId, GroupId, ParticipantId, ProgramId } from './ids.ts';

export const TrainingEnrolled = defineEvent({
  detailType: 'TrainingEnrolled',
  source: EventSource.training,
  data: z.object({ enrollmentId: EnrollmentId, programId: ProgramId, participantId: ParticipantId, groupId: GroupId }).strict(),
});
