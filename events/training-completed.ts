import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { EnrollmentId, GroupId, ParticipantId, ProgramId } from './ids.ts';

export const TrainingCompleted = defineEvent({
  detailType: 'TrainingCompleted',
  source: EventSource.training,
  data: z.strictObject({
    enrollmentId: EnrollmentId,
    programId: ProgramId,
    participantId: ParticipantId,
    groupId: GroupId,
    score: z.int().check(z.minimum(0), z.maximum(100)),
    completedAt: z.iso.datetime(),
  }),
});
