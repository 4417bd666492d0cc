import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { EnrollmentId, GroupId, ParticipantId, ProgramId } from './ids.ts';

export const TrainingEnrolled = defineEvent({
  detailType: 'TrainingEnrolled',
  source: EventSource.training,
  data: z.strictObject({ enrollmentId: EnrollmentId, programId: ProgramId, participantId: ParticipantId, groupId: GroupId }),
});
