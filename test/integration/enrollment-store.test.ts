import { describe, expect, it } from 'vitest';
import { TrainingCompleted } from '#events/training-completed';
import { newId } from '#shared/kernel/ids';
import { pendingEvent } from '#shared/kernel/store/outbox';
import { buildEnrollmentStore } from '#shared/training/dynamo-enrollment-store';
import { buildParticipantDirectory } from '#shared/participants/dynamo-participant-directory';
import type { Enrollment } from '#shared/training/schemas';
import { localTable } from '#test/support/table/local-table';
import { enrolledEvent, storedEnrollment } from '#test/support/table/enrollments';
import { storedParticipant } from '#test/support/table/participants';

const { doc, table, cursors } = localTable();
const enrollments = buildEnrollmentStore(doc, table, cursors);
const directory = buildParticipantDirectory(doc, table);
const now = '2026-11-28T05:36:47.000Z';

const enrolled = async (sessionsRequired = 2) =>
  storedEnrollment({ doc, table, cursors }, await storedParticipant({ doc, table, cursors }, now), now, { sessionsRequired });

const completedEvent = (e: Enrollment) =>
  pendingEvent(
    TrainingCompleted,
    { enrollmentId: e.id, programId: e.programId, participantId: e.participantId, groupId: e.groupId, score: 90, completedAt: now },
    now,
  );

describe('DynamoDB enrollment store', () => {
  it('reads back what it stored, and the directory knows the group', async () => {
    const enrollment = await enrolled();

    await expect(enrollments.get(enrollment.id)).resolves.toEqual(enrollment);
    await expect(directory.groupOf(enrollment.participantId)).resolves.toBe(enrollment.groupId);
  });

  it('refuses a second enrollment in the same program, even with a new enrollment id', async () => {
    const enrollment = await enrolled();
    const again = { ...enrollment, id: newId('enr') };

    await expect(enrollments.enroll(again, enrolledEvent(again, now))).rejects.toMatchObject({ kind: 'conflict' });
    await expect(enrollments.get(again.id)).resolves.toBeUndefined();
  });

  it('refuses a participant of another group inside the transaction', async () => {
    const enrollment = await enrolled();
    const foreign = { ...enrollment, id: newId('enr'), programId: newId('prg'), groupId: newId('grp') };

    await expect(enrollments.enroll(foreign, enrolledEvent(foreign, now))).rejects.toMatchObject({ kind: 'business-rule' });
  });

  it('counts a date once, however often it is recorded, even concurrently', async () => {
    const enrollment = await enrolled();

    await Promise.all(
      Array.from({ length: 5 }, () => enrollments.recordAttendance(enrollment.id, { date: '2026-11-02', present: true }, now)),
    );
    const result = await enrollments.recordAttendance(enrollment.id, { date: '2026-11-03', present: false }, now);

    expect(result.sessionsAttended).toBe(1);
    expect(result.attendance).toEqual([
      { date: '2026-11-02', present: true },
      { date: '2026-11-03', present: false },
    ]);
  });

  it('checks the session count inside DynamoDB when completing, then completes exactly once', async () => {
    const enrollment = await enrolled(2);
    await enrollments.recordAttendance(enrollment.id, { date: '2026-11-02', present: true }, now);

    await expect(
      enrollments.complete(enrollment.id, { score: 90 }, { completedAt: now, updatedAt: now }, completedEvent(enrollment)),
    ).rejects.toMatchObject({
      kind: 'business-rule',
    });
    await enrollments.recordAttendance(enrollment.id, { date: '2026-11-03', present: true }, now);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 3 }, () =>
        enrollments.complete(enrollment.id, { score: 90 }, { completedAt: now, updatedAt: now }, completedEvent(enrollment)),
      ),
    );

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.kind)).toEqual([
      'conflict',
      'conflict',
    ]);
    await expect(enrollments.get(enrollment.id)).resolves.toMatchObject({ status: 'completed', score: 90, completedAt: now });
  });
});
