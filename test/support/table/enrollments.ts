import { randomUUID } from 'node:crypto';
import { TrainingEnrolled } from '#events/training-enrolled';
import { newId } from '#shared/kernel/ids';
import { pendingEvent } from '#shared/kernel/store/outbox';
import type { Participant } from '#shared/participants/schemas';
import { buildEnrollmentStore } from '#shared/training/dynamo-enrollment-store';
import type { Enrollment } from '#shared/training/schemas';
import type { localTable } from './local-table.ts';

/** The TrainingEnrolled that enroll-participant writes with the enrollment. */
export const enrolledEvent = (enrollment: Enrollment, at: string) => {
  const { id: enrollmentId, programId, participantId, groupId } = enrollment;
  return pendingEvent(TrainingEnrolled, { enrollmentId, programId, participantId, groupId }, at);
};

/**
 * The participant enrolled in a programme of two sessions (unless overridden) through the enrollment store, with
 * assessment notes of its own, so a test can search the table for them.
 */
export async function storedEnrollment(
  { doc, table, cursors }: Pick<ReturnType<typeof localTable>, 'doc' | 'table' | 'cursors'>,
  participant: Pick<Participant, 'id' | 'groupId'>,
  at: string,
  overrides: Partial<Enrollment> = {},
): Promise<Enrollment> {
  const enrollment: Enrollment = {
    id: newId('enr'),
    programId: newId('prg'),
    participantId: participant.id,
    groupId: participant.groupId,
    status: 'enrolled',
    sessionsAttended: 0,
    sessionsRequired: 2,
    attendance: [],
    assessment: { motivation: 3, notes: `catatan ${randomUUID()}` },
    score: null,
    certificateNumber: null,
    completedAt: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
  await buildEnrollmentStore(doc, table, cursors).enroll(enrollment, enrolledEvent(enrollment, at));
  return enrollment;
}
