import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '#shared/kernel/calendar';
import { newId } from '#shared/kernel/ids';
import { busStatus } from '#test/support/api/bus';
import { call, eventually, tokenFor } from '#test/support/api/client';
import { noFigures, reportCsvHeader } from '#test/support/report';
import { newGroupScenario } from '#test/support/api/scenario';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A participant trained in an earlier cohort: enrolled, attended, and completed `daysAgo` days ago (completedOn). */
async function completedEarlier(scenario: Awaited<ReturnType<typeof newGroupScenario>>, daysAgo: number) {
  const { participant, participantToken, enrollment } = await scenario.enrolledParticipant({ motivation: 4, notes: 'Rajin' });
  const attended = await call('POST', `/enrollments/${enrollment.id}/attendance`, {
    token: scenario.facilitator,
    body: { date: day(-daysAgo - 7), present: true },
  });
  expect(attended.status).toBe(200);
  const completed = await call('POST', `/enrollments/${enrollment.id}/completion`, {
    token: scenario.facilitator,
    body: { score: 82, completedOn: day(-daysAgo) },
  });
  expect(completed.status).toBe(200);
  expect(completed.body.completedAt).toBe(`${day(-daysAgo)}T00:00:00.000Z`);
  return { id: participant.id as string, token: participantToken, enrollmentId: enrollment.id, completedOn: day(-daysAgo) };
}

const followUpBody = (enrollmentId: string, overrides: Record<string, unknown> = {}) => ({
  enrollmentId,
  monthsAfter: 3,
  contactedOn: day(0),
  working: 'employed',
  monthlyIncomeBand: '1m_3m',
  stillSelling: true,
  notes: 'Bekerja di pabrik tas, masih menjual anyaman di akhir pekan',
  ...overrides,
});

const accessLogOf = async (participantId: string, token: string) =>
  (await call('GET', `/participants/${participantId}/access-log?limit=100`, { token })).body.items as {
    actorSub: string;
    action: string;
  }[];

/**
 * A cohort entered late: two participants who completed 140 and 100 days ago (completedOn), so their 3-month
 * follow-ups are ~48 days past (overdue, and due) and ~8 days past (due, not overdue). Then the facilitator records one,
 * an officer the other, a placement starts and ends, an officer records a second one, and a session is mentored.
 */
describe('a cohort entered late, followed up', () => {
  let scenario: Awaited<ReturnType<typeof newGroupScenario>>;
  let ani: Awaited<ReturnType<typeof completedEarlier>>;
  let dewi: Awaited<ReturnType<typeof completedEarlier>>;
  const path = () => `/groups/${scenario.groupId}/follow-ups`;
  const slot = (who: typeof ani, monthsAfter: number) => ({
    participantId: who.id,
    enrollmentId: who.enrollmentId,
    monthsAfter,
    dueOn: addMonths(who.completedOn, monthsAfter),
  });

  beforeAll(async () => {
    scenario = await newGroupScenario({ sessionsRequired: 1 });
    ani = await completedEarlier(scenario, 140);
    dewi = await completedEarlier(scenario, 100);
    // The consumer of TrainingCompleted opens the slots: both 3-month follow-ups are due once it has.
    await eventually(async () => {
      const due = await call('GET', `${path()}?status=due`, { token: scenario.officer });
      expect(due.body.items).toHaveLength(2);
    });
  }, 60_000);

  it('lists the due (overdue included) and the overdue follow-ups exactly; 404 to anyone who may not see the group', async () => {
    // Act
    const due = await call('GET', `${path()}?status=due`, { token: scenario.facilitator });
    const byDefault = await call('GET', path(), { token: scenario.admin });
    const overdue = await call('GET', `${path()}?status=overdue`, { token: scenario.facilitator });
    const done = await call('GET', `${path()}?status=done`, { token: scenario.facilitator });
    const otherFacilitator = await tokenFor({ sub: `f-${randomUUID()}`, roles: ['facilitator'], groupId: newId('grp') });
    const hidden = await Promise.all([otherFacilitator, ani.token].map((token) => call('GET', `${path()}?status=due`, { token })));
    const badStatus = await call('GET', `${path()}?status=late`, { token: scenario.facilitator });

    // Assert
    expect(due.status).toBe(200);
    expect(due.body).toEqual({
      items: [
        { ...slot(ani, 3), status: 'overdue' },
        { ...slot(dewi, 3), status: 'due' },
      ],
      nextCursor: null,
    });
    expect(byDefault.body).toEqual(due.body);
    expect(overdue.body).toEqual({ items: [{ ...slot(ani, 3), status: 'overdue' }], nextCursor: null });
    expect(done.body).toEqual({ items: [], nextCursor: null });
    expect(hidden.map((answer) => answer.status)).toEqual([404, 404]);
    expect(badStatus.status).toBe(400);
  });

  describe('once followed up, placed and mentored', () => {
    let recorded: Record<string, unknown>;
    let duplicate: Awaited<ReturnType<typeof call>>;
    let notTheirs: Awaited<ReturnType<typeof call>>;
    let placementIds: string[];
    let auditorSub: string;

    beforeAll(async () => {
      const first = await call('POST', `/participants/${ani.id}/follow-ups`, {
        token: scenario.facilitator,
        body: followUpBody(ani.enrollmentId),
      });
      expect(first.status).toBe(201);
      recorded = first.body;
      duplicate = await call('POST', `/participants/${ani.id}/follow-ups`, {
        token: scenario.officer,
        body: followUpBody(ani.enrollmentId, { working: 'not_working' }),
      });
      notTheirs = await call('POST', `/participants/${ani.id}/follow-ups`, {
        token: scenario.facilitator,
        body: followUpBody(dewi.enrollmentId),
      });
      const second = await call('POST', `/participants/${dewi.id}/follow-ups`, {
        token: scenario.officer,
        body: followUpBody(dewi.enrollmentId, { working: 'not_working', monthlyIncomeBand: 'none', stillSelling: false, notes: undefined }),
      });
      expect(second.status).toBe(201);

      const mentored = await call('POST', `/participants/${ani.id}/mentoring-sessions`, {
        token: scenario.facilitator,
        body: { date: day(0), topic: 'marketing', durationMinutes: 45, notes: 'Foto produk untuk toko daring' },
      });
      expect(mentored.status).toBe(201);
      const job = await call('POST', `/participants/${ani.id}/placements`, {
        token: scenario.facilitator,
        body: { kind: 'job', organisation: 'CV Anyaman Lombok', sector: 'crafts', startedOn: day(-20) },
      });
      expect(job.status).toBe(201);
      const ended = await call('POST', `/placements/${job.body.id}/end`, {
        token: scenario.facilitator,
        body: { endedOn: day(0), outcome: 'hired' },
      });
      expect(ended.status).toBe(200);
      const ownBusiness = await call('POST', `/participants/${dewi.id}/placements`, {
        token: scenario.officer,
        body: { kind: 'own_business', organisation: 'Warung Dewi', sector: 'retail', startedOn: day(-3) },
      });
      expect(ownBusiness.status).toBe(201);
      placementIds = [job.body.id, ownBusiness.body.id];

      // An auditor with a sub of their own reads the done list: each participant on it gets one record.
      auditorSub = `officer-audit-${randomUUID()}`;
      const auditor = await tokenFor({ sub: auditorSub, roles: ['officer'] });
      expect((await call('GET', `${path()}?status=done`, { token: auditor })).status).toBe(200);

      await eventually(
        async () => {
          const report = await call('GET', `/reports/groups/${scenario.groupId}?from=${day(-1)}&to=${day(1)}`, { token: scenario.officer });
          expect([report.body.followUps, report.body.placements.ended, report.body.mentoring.sessions]).toEqual([
            { done: 2, working: 1 },
            1,
            1,
          ]);
        },
        { timeoutMs: 20_000 },
      );
    }, 90_000);

    it('answers the follow-up, refuses the same one again (409) and an enrollment that is not theirs (422)', () => {
      expect(recorded).toEqual({
        id: expect.stringMatching(/^fup_[0-9A-HJKMNP-TV-Z]{26}$/),
        participantId: ani.id,
        groupId: scenario.groupId,
        ...followUpBody(ani.enrollmentId),
        dueOn: addMonths(ani.completedOn, 3),
        recordedBy: expect.stringMatching(/^facilitator-/),
        createdAt: expect.stringMatching(/Z$/),
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(notTheirs.status).toBe(422);
      expect(notTheirs.body.errors).toEqual([{ path: 'body.enrollmentId', message: expect.any(String) }]);
    });

    it('moves them from due to done, newest due first', async () => {
      const due = await call('GET', `${path()}?status=due`, { token: scenario.facilitator });
      const done = await call('GET', `${path()}?status=done`, { token: scenario.facilitator });

      expect(due.body).toEqual({ items: [], nextCursor: null });
      expect(done.body.items).toEqual([
        { ...slot(dewi, 3), status: 'done', followUpId: expect.stringMatching(/^fup_/) },
        { ...slot(ani, 3), status: 'done', followUpId: recorded.id },
      ]);
    });

    it('announces FollowUpRecorded with ids and the month only', async () => {
      const events = (await busStatus()).recent.filter(
        (event) => event.detailType === 'FollowUpRecorded' && event.detail.data?.groupId === scenario.groupId,
      );

      expect(events.map((event) => event.detail.data)).toEqual([
        { followUpId: recorded.id, participantId: ani.id, groupId: scenario.groupId, enrollmentId: ani.enrollmentId, monthsAfter: 3 },
        {
          followUpId: expect.stringMatching(/^fup_/),
          participantId: dewi.id,
          groupId: scenario.groupId,
          enrollmentId: dewi.enrollmentId,
          monthsAfter: 3,
        },
      ]);
      expect(events.map((event) => event.source)).toEqual(['pas-kreatif.programme', 'pas-kreatif.programme']);
    });

    it('reports every programme figure exactly, in JSON and CSV', async () => {
      const range = `?from=${day(-1)}&to=${day(1)}`;
      const report = await call('GET', `/reports/groups/${scenario.groupId}${range}`, { token: scenario.facilitator });
      const csv = await call('GET', `/reports/groups/${scenario.groupId}${range}&format=csv`, { token: scenario.admin });

      // The completions were recorded today (their completedOn lies months back): they count today, by their event.
      expect(report.body).toEqual({
        groupId: scenario.groupId,
        from: day(-1),
        to: day(1),
        ...noFigures,
        participants: { registered: 2, enrolled: 2, completedTraining: 2, activeSellers: 0 },
        mentoring: { sessions: 1, participants: 1 },
        placements: { started: 2, internship: 0, job: 1, ownBusiness: 1, ended: 1 },
        followUps: { done: 2, working: 1 },
      });
      expect(csv.body).toBe(
        `${reportCsvHeader}\r\n` + `${scenario.groupId},${day(-1)},${day(1)},2,2,2,0,0,0,0,0,0,0,0,0,0,0,0,1,1,2,0,1,1,1,2,1\r\n`,
      );
    });

    it('records the list reads in each participant’s access log', async () => {
      const logs = [await accessLogOf(ani.id, scenario.officer), await accessLogOf(dewi.id, scenario.officer)];

      for (const log of logs) {
        expect(log.filter((entry) => entry.actorSub === auditorSub)).toEqual([
          expect.objectContaining({ action: 'follow-ups.read', actorRoles: ['officer'] }),
        ]);
        expect(log.filter((entry) => entry.action === 'follow-ups.read').length).toBeGreaterThanOrEqual(4);
      }
    });

    it('exports the follow-up, the session and the placements; erasure removes the notes and organisation, keeping the codes', async () => {
      const before = await call('GET', `/participants/${ani.id}/export`, { token: ani.token });
      const erased = await call('DELETE', `/participants/${ani.id}/personal-data`, { token: scenario.officer });
      const after = await call('GET', `/participants/${ani.id}/export`, { token: scenario.officer });
      const artisan = await call('GET', `/artisans/${ani.id}`);

      expect(before.body.followUps).toEqual([recorded]);
      expect(before.body.mentoringSessions.map((s: { notes: string }) => s.notes)).toEqual(['Foto produk untuk toko daring']);
      expect(before.body.placements.map((p: { id: string; organisation: string }) => [p.id, p.organisation])).toEqual([
        [placementIds[0], 'CV Anyaman Lombok'],
      ]);
      expect(erased.status).toBe(200);
      expect(after.body.followUps).toEqual([{ ...recorded, notes: null }]);
      expect(after.body.followUps[0]).toMatchObject({ working: 'employed', monthlyIncomeBand: '1m_3m', stillSelling: true });
      expect(after.body.mentoringSessions[0]).toMatchObject({ notes: null, topic: 'marketing' });
      expect(after.body.placements[0]).toMatchObject({ organisation: null, kind: 'job', status: 'ended' });
      expect(artisan.status).toBe(404);
      expect(JSON.stringify(after.body)).not.toContain('pabrik');
    });
  });
});
