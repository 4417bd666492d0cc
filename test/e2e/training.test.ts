import { describe, expect, it } from 'vitest';
import { newId } from '#shared/kernel/ids';
import { call, eventually, tokenFor } from '#test/support/api/client';
import { busStatus } from '#test/support/api/bus';
import { newGroupScenario } from '#test/support/api/scenario';

const assessment = { motivation: 4, notes: 'Semangat belajar, sudah bisa menjahit' };

describe('programs', () => {
  it("a group's facilitator creates a program that the public lists by group", async () => {
    const { createProgram, groupId } = await newGroupScenario();

    const program = await createProgram();
    const listed = await call('GET', `/programs?groupId=${groupId}`);
    const all = await call('GET', '/programs?limit=100');

    expect(program).toMatchObject({ groupId, sessionsRequired: 2, skills: ['anyaman', 'pemasaran'] });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ items: [program], nextCursor: null });
    expect(all.body.items.map((p: { id: string }) => p.id)).toContain(program.id);
  });

  it("refuses another group's facilitator (403), allows an admin, and refuses an unknown group (422)", async () => {
    const { admin, groupId } = await newGroupScenario();
    const otherFacilitator = await tokenFor({ sub: 'f-other', roles: ['facilitator'], groupId: newId('grp') });
    const body = { groupId, title: 'T', description: 'D', skills: ['s'], sessionsRequired: 1 };

    const byOther = await call('POST', '/programs', { token: otherFacilitator, body });
    const byAdmin = await call('POST', '/programs', { token: admin, body });
    const unknownGroup = await call('POST', '/programs', { token: admin, body: { ...body, groupId: newId('grp') } });

    expect(byOther.status).toBe(403);
    expect(byAdmin.status).toBe(201);
    expect(unknownGroup.status).toBe(422);
  });

  it('rejects sessionsRequired below 1', async () => {
    const { facilitator, groupId } = await newGroupScenario();

    const response = await call('POST', '/programs', {
      token: facilitator,
      body: { groupId, title: 'T', description: 'D', skills: ['s'], sessionsRequired: 0 },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe('body.sessionsRequired');
  });
});

describe('the training flow', () => {
  it('enroll → attendance (a date counts once) → completion → TrainingCompleted makes the participant eligible', async () => {
    // Prepare
    const { createProgram, registerParticipant, facilitator, officer, groupId } = await newGroupScenario({ sessionsRequired: 2 });
    const program = await createProgram();
    const { participant, participantToken } = await registerParticipant();

    // Act
    const enrolled = await call('POST', `/programs/${program.id}/enrollments`, {
      token: facilitator,
      body: { participantId: participant.id, assessment },
    });
    const enrollmentId = enrolled.body.id;
    await call('POST', `/enrollments/${enrollmentId}/attendance`, { token: facilitator, body: { date: '2026-11-02', present: true } });
    const repeated = await call('POST', `/enrollments/${enrollmentId}/attendance`, {
      token: facilitator,
      body: { date: '2026-11-02', present: true },
    });
    const absent = await call('POST', `/enrollments/${enrollmentId}/attendance`, {
      token: facilitator,
      body: { date: '2026-11-05', present: false },
    });
    const tooEarly = await call('POST', `/enrollments/${enrollmentId}/completion`, { token: facilitator, body: { score: 90 } });
    await call('POST', `/enrollments/${enrollmentId}/attendance`, { token: facilitator, body: { date: '2026-11-09', present: true } });
    const completed = await call('POST', `/enrollments/${enrollmentId}/completion`, {
      token: facilitator,
      body: { score: 88, certificateNumber: 'BSL-2026-001' },
    });
    const again = await call('POST', `/enrollments/${enrollmentId}/completion`, { token: facilitator, body: { score: 88 } });
    const lateAttendance = await call('POST', `/enrollments/${enrollmentId}/attendance`, {
      token: facilitator,
      body: { date: '2026-11-10', present: true },
    });

    // Assert
    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toMatchObject({
      programId: program.id,
      participantId: participant.id,
      groupId,
      status: 'enrolled',
      sessionsAttended: 0,
    });
    // The notes are shown only by the access-logged read below, never in a write's answer.
    for (const answer of [enrolled, repeated, absent, completed]) expect(answer.body).not.toHaveProperty('assessment');
    expect(repeated.status).toBe(200);
    expect(repeated.body.sessionsAttended).toBe(1);
    expect(absent.body.sessionsAttended).toBe(1);
    expect(absent.body.attendance).toEqual([
      { date: '2026-11-02', present: true },
      { date: '2026-11-05', present: false },
    ]);
    expect(tooEarly.status).toBe(422);
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'completed', score: 88, certificateNumber: 'BSL-2026-001', sessionsAttended: 2 });
    expect(completed.body.completedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(again.status).toBe(409);
    expect(lateAttendance.status).toBe(409);
    const eligible = await eventually(async () => {
      const read = await call('GET', `/participants/${participant.id}`, { token: officer });
      expect(read.body.sellerStatus).toBe('eligible');
      return read.body;
    });
    expect(eligible.id).toBe(participant.id);
    const ownEnrollments = await call('GET', `/participants/${participant.id}/enrollments`, { token: participantToken });
    expect(ownEnrollments.body.items).toEqual([{ ...completed.body, assessment }]);
  });

  it('correcting a date from present to absent removes the session', async () => {
    const { enrolledParticipant, facilitator } = await newGroupScenario();
    const { enrollment } = await enrolledParticipant(assessment);

    await call('POST', `/enrollments/${enrollment.id}/attendance`, { token: facilitator, body: { date: '2026-11-02', present: true } });
    const corrected = await call('POST', `/enrollments/${enrollment.id}/attendance`, {
      token: facilitator,
      body: { date: '2026-11-02', present: false },
    });

    expect(corrected.body.sessionsAttended).toBe(0);
    expect(corrected.body.attendance).toEqual([{ date: '2026-11-02', present: false }]);
  });

  it('refuses a second enrollment (409), a participant of another group (422), and an unknown program (404)', async () => {
    const { createProgram, registerParticipant, facilitator } = await newGroupScenario();
    const other = await newGroupScenario();
    const program = await createProgram();
    const { participant } = await registerParticipant();
    const { participant: outsider } = await other.registerParticipant();
    await call('POST', `/programs/${program.id}/enrollments`, { token: facilitator, body: { participantId: participant.id, assessment } });

    const twice = await call('POST', `/programs/${program.id}/enrollments`, {
      token: facilitator,
      body: { participantId: participant.id, assessment },
    });
    const wrongGroup = await call('POST', `/programs/${program.id}/enrollments`, {
      token: facilitator,
      body: { participantId: outsider.id, assessment },
    });
    const unknownProgram = await call('POST', `/programs/${newId('prg')}/enrollments`, {
      token: facilitator,
      body: { participantId: participant.id, assessment },
    });

    expect(twice.status).toBe(409);
    expect(wrongGroup.status).toBe(422);
    expect(unknownProgram.status).toBe(404);
  });

  it('keeps training records to the right facilitator: wrong role 403, wrong group 403/404', async () => {
    const { enrolledParticipant, officer } = await newGroupScenario();
    const { participant, program, enrollment } = await enrolledParticipant(assessment);
    const otherFacilitator = await tokenFor({ sub: 'f-o', roles: ['facilitator'], groupId: newId('grp') });
    const attendance = { date: '2026-11-02', present: true };

    const enrollByOfficer = await call('POST', `/programs/${program.id}/enrollments`, {
      token: officer,
      body: { participantId: participant.id, assessment },
    });
    const enrollByOther = await call('POST', `/programs/${program.id}/enrollments`, {
      token: otherFacilitator,
      body: { participantId: participant.id, assessment },
    });
    const attendByOfficer = await call('POST', `/enrollments/${enrollment.id}/attendance`, { token: officer, body: attendance });
    const attendByOther = await call('POST', `/enrollments/${enrollment.id}/attendance`, { token: otherFacilitator, body: attendance });
    const completeByOther = await call('POST', `/enrollments/${enrollment.id}/completion`, {
      token: otherFacilitator,
      body: { score: 1 },
    });
    const enrollmentsForStranger = await call('GET', `/participants/${participant.id}/enrollments`, { token: otherFacilitator });

    expect(enrollByOfficer.status).toBe(403);
    expect(enrollByOther.status).toBe(403);
    expect(attendByOfficer.status).toBe(403);
    expect(attendByOther.status).toBe(404);
    expect(completeByOther.status).toBe(404);
    expect(enrollmentsForStranger.status).toBe(404);
  });

  it('dates an earlier cohort by completedOn (00:00 UTC, in TrainingCompleted too) and refuses a date out of range with 400 naming it', async () => {
    const { enrolledParticipant, facilitator, officer } = await newGroupScenario({ sessionsRequired: 1 });
    const { enrollment, participant } = await enrolledParticipant(assessment);
    await call('POST', `/enrollments/${enrollment.id}/attendance`, { token: facilitator, body: { date: '2026-11-02', present: true } });
    const day = (offset: number) => new Date(Date.now() + offset * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

    const tooOld = await call('POST', `/enrollments/${enrollment.id}/completion`, {
      token: facilitator,
      body: { score: 75, completedOn: day(-800) },
    });
    const future = await call('POST', `/enrollments/${enrollment.id}/completion`, {
      token: facilitator,
      body: { score: 75, completedOn: day(5) },
    });
    const notADate = await call('POST', `/enrollments/${enrollment.id}/completion`, {
      token: facilitator,
      body: { score: 75, completedOn: '2026-02-30' },
    });
    const completed = await call('POST', `/enrollments/${enrollment.id}/completion`, {
      token: facilitator,
      body: { score: 75, completedOn: day(-100) },
    });

    for (const refused of [tooOld, future, notADate]) {
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(refused.body.errors).toEqual([{ path: 'body.completedOn', message: expect.any(String) }]);
    }
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'completed', completedAt: `${day(-100)}T00:00:00.000Z` });
    expect(completed.body.updatedAt > completed.body.completedAt).toBe(true);
    await eventually(async () => {
      const read = await call('GET', `/participants/${participant.id}`, { token: officer });
      expect(read.body.sellerStatus).toBe('eligible');
      const event = (await busStatus()).recent.find(
        (seen) => seen.detailType === 'TrainingCompleted' && seen.detail.data?.enrollmentId === enrollment.id,
      );
      expect(event?.detail.data?.completedAt).toBe(completed.body.completedAt);
    });
  });

  it('refuses a future attendance date (422) and an out-of-range score (400)', async () => {
    const { enrolledParticipant, facilitator } = await newGroupScenario();
    const { enrollment } = await enrolledParticipant(assessment);

    const future = await call('POST', `/enrollments/${enrollment.id}/attendance`, {
      token: facilitator,
      body: { date: '2099-01-01', present: true },
    });
    const badScore = await call('POST', `/enrollments/${enrollment.id}/completion`, { token: facilitator, body: { score: 101 } });

    expect(future.status).toBe(422);
    expect(badScore.status).toBe(400);
    expect(badScore.body.errors).toEqual([{ path: 'body.score', message: expect.any(String) }]);
  });
});
