import * as z from 'zod';
import { defineEvent, EventSource } from './event-contract.ts';
import { EnrollmentId, GroupId, ParticipantId, ProgramId } from './ids.ts';

export const TrainingCompleted = defineEvent({
  detailType: 'TrainingCompleted',
  source: EventSource.training,
  data: z
    .object({
      enrollmentId: EnrollmentId,
      programId: ProgramId,
      participantId: ParticipantId,
      groupId: GroupId,
      score: z.number().int().min(0).max(100),
      completedAt: z.iso.datetime(),
    })
    .strict(),
});
