import { describe, expect, it } from 'vitest';
import { TrainingCompleted } from '#events/training-completed';
import { TrainingEnrolled } from '#events/training-enrolled';
import type { Caller } from '#shared/kernel/auth/caller';
import { createGroup } from '#shared/participants/groups';
import { registerParticipant } from '#shared/participants/participants';
import { completeTraining, enrollParticipant, listParticipantEnrollments, recordAttendance } from '#shared/training/enrollments';
import { createProgram } from '#shared/training/programs';
import { fakeAccessLog } from '#test/support/fakes/access-log';
import { fakeStores } from '#test/support/fakes/participants-training';
import { fixedClock } from '#test/support/fakes/clock';

const assessment = { motivation: 5, notes: 'Tekun' };

async function setUp() {
  const stores = fakeStores();
  const clock = fixedClock('2026-11-28T05:36:47.000Z');
  const participantDeps = { groups: stores.groupStore, participants: stores.participantStore, clock };
  const log = fakeAccessLog();
  const deps = {
    programs: stores.programStore,
    enrollments: stores.enrollmentStore,
    directory: stores.directory,
    accessLog: log.accessLog,
    clock,
  };
  const group = await createGroup(
    participantDeps,
    { sub: 'a', roles: ['admin'] },
    { name: 'G', focus: 'F', district: 'D', participantSharePercent: 80 },
  );
  const otherGroup = await createGroup(
    participantDeps,
    { sub: 'a', roles: ['admin'] },
    { name: 'H', focus: 'F', district: 'D', participantSharePercent: 80 },
  );
  const officer: Caller = { sub: 'o', roles: ['officer'] };
  const register = (groupId: string) =>
    registerParticipant(participantDeps, officer, { legalName: 'N', registerNumber: 'R', groupId, supervisionEndsOn: '2027-01-01' });
  const participant = await register(group.id);
  const outsider = await register(otherGroup.id);
  const facilitator: Caller = { sub: 'f', roles: ['facilitator'], groupId: group.id };
  const program = await createProgram(deps, facilitator, {
    groupId: group.id,
    title: 'T',
    description: 'D',
    skills: ['s'],
    sessionsRequired: 2,
  });
  stores.events.length = 0;
  return { deps, log, stores, group, participant, outsider, facilitator, program, officer };
}

describe('createProgram', () => {
  it("is for the group's facilitators and admins", async () => {
    const { deps, group } = await setUp();
    const input = { groupId: group.id, title: 'T', description: 'D', skills: ['s'], sessionsRequired: 1 };

    await expect(createProgram(deps, { sub: 'a', roles: ['admin'] }, input)).resolves.toMatchObject({ groupId: group.id });
    await expect(createProgram(deps, { sub: 'f', roles: ['facilitator'], groupId: 'grp_other' }, input)).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });
});

describe('enrollParticipant', () => {
  it('enrolls with the assessment (kept, not echoed) and emits TrainingEnrolled with ids only', async () => {
    const { deps, stores, facilitator, program, participant, group } = await setUp();

    const enrollment = await enrollParticipant(deps, facilitator, program.id, { participantId: participant.id, assessment });

    expect(enrollment).toMatchObject({ status: 'enrolled', sessionsAttended: 0, sessionsRequired: 2, groupId: group.id });
    expect(enrollment).not.toHaveProperty('assessment');
    await expect(deps.enrollments.get(enrollment.id)).resolves.toMatchObject({ assessment });
    expect(stores.events).toEqual([
      {
        contract: TrainingEnrolled,
        data: { enrollmentId: enrollment.id, programId: program.id, participantId: participant.id, groupId: group.id },
        occurredAt: '2026-11-28T05:36:47.000Z',
      },
    ]);
  });

  it('refuses a participant of another group as a business rule', async () => {
    const { deps, facilitator, program, outsider } = await setUp();

    await expect(enrollParticipant(deps, facilitator, program.id, { participantId: outsider.id, assessment })).rejects.toMatchObject({
      kind: 'business-rule',
    });
  });

  it("refuses another group's facilitator and non-facilitators", async () => {
    const { deps, program, participant, officer } = await setUp();
    const input = { participantId: participant.id, assessment };

    await expect(
      enrollParticipant(deps, { sub: 'x', roles: ['facilitator'], groupId: 'grp_other' }, program.id, input),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(enrollParticipant(deps, officer, program.id, input)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('attendance and completion', () => {
  it('completes only with enough sessions, once, emitting TrainingCompleted', async () => {
    const { deps, stores, facilitator, program, participant } = await setUp();
    const { id } = await enrollParticipant(deps, facilitator, program.id, { participantId: participant.id, assessment });
    await recordAttendance(deps, facilitator, id, { date: '2026-11-02', present: true });
    await expect(completeTraining(deps, facilitator, id, { score: 80 })).rejects.toMatchObject({ kind: 'business-rule' });
    await recordAttendance(deps, facilitator, id, { date: '2026-11-03', present: true });
    stores.events.length = 0;

    const completed = await completeTraining(deps, facilitator, id, { score: 80 });

    expect(completed).toMatchObject({ status: 'completed', score: 80, completedAt: '2026-11-28T05:36:47.000Z' });
    expect(stores.events.map((e) => e.contract)).toEqual([TrainingCompleted]);
    expect(stores.events[0]?.data).toEqual({
      enrollmentId: id,
      programId: program.id,
      participantId: participant.id,
      groupId: completed.groupId,
      score: 80,
      completedAt: '2026-11-28T05:36:47.000Z',
    });
    await expect(completeTraining(deps, facilitator, id, { score: 80 })).rejects.toMatchObject({ kind: 'conflict' });
    await expect(recordAttendance(deps, facilitator, id, { date: '2026-11-04', present: true })).rejects.toMatchObject({
      kind: 'conflict',
    });
  });

  it("dates an earlier cohort's completion by completedOn (today up to two years back), at 00:00 UTC, in the event too", async () => {
    const { deps, stores, facilitator, program, participant } = await setUp();
    const { id } = await enrollParticipant(deps, facilitator, program.id, { participantId: participant.id, assessment });
    await recordAttendance(deps, facilitator, id, { date: '2026-11-02', present: true });
    await recordAttendance(deps, facilitator, id, { date: '2026-11-03', present: true });
    stores.events.length = 0;

    for (const completedOn of ['2024-11-27', '2026-11-30']) {
      await expect(completeTraining(deps, facilitator, id, { score: 70, completedOn })).rejects.toMatchObject({
        kind: 'invalid-input',
        errors: [{ path: 'body.completedOn' }],
      });
    }
    const completed = await completeTraining(deps, facilitator, id, { score: 70, completedOn: '2024-11-28' });

    expect(completed).toMatchObject({
      status: 'completed',
      completedAt: '2024-11-28T00:00:00.000Z',
      updatedAt: '2026-11-28T05:36:47.000Z',
    });
    expect(stores.events[0]?.data).toMatchObject({ completedAt: '2024-11-28T00:00:00.000Z' });
    expect(stores.events[0]?.occurredAt).toBe('2026-11-28T05:36:47.000Z');
    expect(stores.events).toHaveLength(1);
  });

  it('accepts completedOn tomorrow in UTC (today in Indonesia)', async () => {
    const { deps, facilitator, program, participant } = await setUp();
    const { id } = await enrollParticipant(deps, facilitator, program.id, { participantId: participant.id, assessment });
    await recordAttendance(deps, facilitator, id, { date: '2026-11-02', present: true });
    await recordAttendance(deps, facilitator, id, { date: '2026-11-03', present: true });

    const completed = await completeTraining(deps, facilitator, id, { score: 70, completedOn: '2026-11-29' });

    expect(completed.completedAt).toBe('2026-11-29T00:00:00.000Z');
  });

  it('accepts tomorrow (Indonesia runs ahead of UTC) but not later', async () => {
    const { deps, facilitator, program, participant } = await setUp();
    const { id } = await enrollParticipant(deps, facilitator, program.id, { participantId: participant.id, assessment });

    await expect(recordAttendance(deps, facilitator, id, { date: '2026-11-29', present: true })).resolves.toMatchObject({
      sessionsAttended: 1,
    });
    await expect(recordAttendance(deps, facilitator, id, { date: '2026-11-30', present: true })).rejects.toMatchObject({
      kind: 'business-rule',
    });
  });

  it("hides an enrollment from another group's facilitator", async () => {
    const { deps, facilitator, program, participant } = await setUp();
    const { id } = await enrollParticipant(deps, facilitator, program.id, { participantId: participant.id, assessment });
    const stranger: Caller = { sub: 'y', roles: ['facilitator'], groupId: 'grp_other' };

    await expect(recordAttendance(deps, stranger, id, { date: '2026-11-02', present: true })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(listParticipantEnrollments(deps, stranger, participant.id, { limit: 20 })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it("records the read of a participant's enrollments in their access log, and nothing for a refused one", async () => {
    const { deps, log, facilitator, program, participant } = await setUp();
    await enrollParticipant(deps, facilitator, program.id, { participantId: participant.id, assessment });
    const stranger: Caller = { sub: 'y', roles: ['facilitator'], groupId: 'grp_other' };

    await listParticipantEnrollments(deps, facilitator, participant.id, { limit: 20 });
    await expect(listParticipantEnrollments(deps, stranger, participant.id, { limit: 20 })).rejects.toMatchObject({ kind: 'not-found' });

    expect(log.records).toEqual([
      {
        at: '2026-11-28T05:36:47.000Z',
        actorSub: 'f',
        actorRoles: ['facilitator'],
        action: 'enrollments.read',
        participantId: participant.id,
      },
    ]);
  });
});
