import { describe, expect, it } from 'vitest';
import type { Caller } from '#shared/kernel/auth/caller';
import { BusinessRuleError, ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import { followUpDueOn, followUpStatus } from '#shared/programme/follow-up-schedule';
import { followUpSlotsOf, listGroupFollowUps, openFollowUps, recordFollowUp } from '#shared/programme/follow-ups';
import type { EnrollmentStanding } from '#shared/programme/ports';
import { RecordFollowUpSchema } from '#shared/programme/schemas';
import { fakeAccessLog } from '#test/support/fakes/access-log';
import { fixedClock } from '#test/support/fakes/clock';
import { fakeProgramme } from '#test/support/fakes/programme';

const groupId = newId('grp');
const [siti, budi] = [newId('prt'), newId('prt')];
const [sitiTraining, sitiOpen, budiTraining] = [newId('enr'), newId('enr'), newId('enr')];
const now = '2026-12-03T02:00:00.000Z';
const facilitator: Caller = { sub: 'fac', roles: ['facilitator'], groupId };
const officer: Caller = { sub: 'off', roles: ['officer'] };
const admin: Caller = { sub: 'adm', roles: ['admin'] };
const self: Caller = { sub: 'siti', roles: ['participant'], participantId: siti };
const otherFacilitator: Caller = { sub: 'f2', roles: ['facilitator'], groupId: newId('grp') };
const body = {
  enrollmentId: sitiTraining,
  monthsAfter: 3 as const,
  contactedOn: '2026-12-02',
  working: 'self_employed' as const,
  monthlyIncomeBand: '1m_3m' as const,
  stillSelling: true,
  notes: 'Berjualan tas anyaman di pasar',
};

const completed = (participantId: string, completedAt: string): EnrollmentStanding => ({
  participantId,
  groupId,
  status: 'completed',
  completedAt,
});

function setUp() {
  const fakes = fakeProgramme(
    { [siti]: { groupId, erased: false }, [budi]: { groupId, erased: false } },
    {
      [sitiTraining]: completed(siti, '2026-08-31T00:00:00.000Z'),
      [sitiOpen]: { participantId: siti, groupId, status: 'enrolled', completedAt: null },
      [budiTraining]: completed(budi, '2026-08-20T00:00:00.000Z'),
    },
  );
  const { accessLog, records } = fakeAccessLog();
  const deps = { followUps: fakes.followUps, sources: fakes.sources, accessLog, clock: fixedClock(now) };
  return { deps, fakes, records };
}

const kindOf = (outcome: PromiseSettledResult<unknown>) => (outcome.status === 'rejected' ? outcome.reason.constructor : outcome.status);

describe('the follow-up schedule', () => {
  it('falls due 3, 6 and 12 calendar months after the completion day, clamped to the month end', () => {
    expect(followUpSlotsOf({ participantId: siti, groupId, enrollmentId: sitiTraining, completedAt: '2026-08-31T00:00:00.000Z' })).toEqual([
      { participantId: siti, groupId, enrollmentId: sitiTraining, monthsAfter: 3, dueOn: '2026-11-30' },
      { participantId: siti, groupId, enrollmentId: sitiTraining, monthsAfter: 6, dueOn: '2027-02-28' },
      { participantId: siti, groupId, enrollmentId: sitiTraining, monthsAfter: 12, dueOn: '2027-08-31' },
    ]);
    expect(followUpDueOn('2026-11-30T10:15:00.000Z', 3)).toBe('2027-02-28');
    expect(followUpDueOn('2027-11-30T10:15:00.000Z', 3)).toBe('2028-02-29');
    expect(followUpDueOn('2027-08-31T00:00:00.000Z', 6)).toBe('2028-02-29');
  });

  it('is overdue more than 30 days past its day, due before that, done once recorded', () => {
    expect(followUpStatus('2026-11-02', false, '2026-12-03')).toBe('overdue');
    expect(followUpStatus('2026-11-03', false, '2026-12-03')).toBe('due');
    expect(followUpStatus('2026-12-17', false, '2026-12-03')).toBe('due');
    expect(followUpStatus('2026-11-02', true, '2026-12-03')).toBe('done');
  });
});

describe('the follow-up schema', () => {
  it('takes 3, 6 or 12 months, the codes and no unknown field', () => {
    expect(RecordFollowUpSchema.safeParse(body).success).toBe(true);
    expect(RecordFollowUpSchema.safeParse({ ...body, monthsAfter: 9 }).success).toBe(false);
    expect(RecordFollowUpSchema.safeParse({ ...body, working: 'retired' }).success).toBe(false);
    expect(RecordFollowUpSchema.safeParse({ ...body, monthlyIncomeBand: '5m' }).success).toBe(false);
    expect(RecordFollowUpSchema.safeParse({ ...body, phone: '0812' }).success).toBe(false);
  });
});

describe('recordFollowUp', () => {
  it('records the follow-up with its due day and announces FollowUpRecorded with ids only', async () => {
    // Prepare
    const { deps, fakes } = setUp();

    // Act
    const followUp = await recordFollowUp(deps, facilitator, siti, body);

    // Assert
    expect(followUp).toEqual({
      id: expect.stringMatching(/^fup_/),
      participantId: siti,
      groupId,
      ...body,
      dueOn: '2026-11-30',
      recordedBy: 'fac',
      createdAt: now,
    });
    expect(fakes.events).toEqual([
      {
        detailType: 'FollowUpRecorded',
        data: { followUpId: followUp.id, participantId: siti, groupId, enrollmentId: sitiTraining, monthsAfter: 3 },
      },
    ]);
  });

  it('is a conflict the second time for the same training and month, not for another month', async () => {
    const { deps, fakes } = setUp();
    await recordFollowUp(deps, facilitator, siti, body);

    const again = recordFollowUp(deps, officer, siti, { ...body, notes: 'lagi' });
    const sixMonths = await recordFollowUp(deps, officer, siti, { ...body, monthsAfter: 6 });

    await expect(again).rejects.toBeInstanceOf(ConflictError);
    expect(sixMonths.dueOn).toBe('2027-02-28');
    expect(fakes.events).toHaveLength(2);
  });

  it("refuses an enrollment that is not the participant's completed training (422), naming the field", async () => {
    const { deps, fakes } = setUp();

    const outcomes = await Promise.allSettled(
      [budiTraining, sitiOpen, newId('enr')].map((enrollmentId) => recordFollowUp(deps, facilitator, siti, { ...body, enrollmentId })),
    );

    expect(outcomes.map(kindOf)).toEqual([BusinessRuleError, BusinessRuleError, BusinessRuleError]);
    expect(outcomes[0]).toMatchObject({ reason: { errors: [{ path: 'body.enrollmentId' }] } });
    expect(fakes.events).toEqual([]);
  });

  it("is for the group's facilitators and officers: 403 to the participant and admins, 404 to another group's facilitator", async () => {
    const { deps } = setUp();
    const callers = [officer, self, admin, otherFacilitator];

    const outcomes = await Promise.allSettled(
      callers.map((caller, index) => recordFollowUp(deps, caller, siti, { ...body, monthsAfter: ([3, 6, 12, 12] as const)[index] ?? 3 })),
    );

    expect(outcomes.map(kindOf)).toEqual(['fulfilled', ForbiddenError, ForbiddenError, NotFoundError]);
  });

  it('refuses a contact after tomorrow (400) and an erased participant (404)', async () => {
    const { deps, fakes } = setUp();
    fakes.standings.set(budi, { groupId, erased: true });

    const future = recordFollowUp(deps, facilitator, siti, { ...body, contactedOn: '2026-12-05' });
    const tomorrow = await recordFollowUp(deps, facilitator, siti, { ...body, contactedOn: '2026-12-04' });
    const erased = recordFollowUp(deps, facilitator, budi, { ...body, enrollmentId: budiTraining });

    await expect(future).rejects.toBeInstanceOf(InvalidInputError);
    expect(tomorrow.contactedOn).toBe('2026-12-04');
    await expect(erased).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('listGroupFollowUps', () => {
  it('lists due (overdue included), overdue and done as of today, recording each participant on the page', async () => {
    // Prepare: siti's 3 months fell due 2026-11-30 (3 days ago), budi's 2026-11-20 (13 days ago); a completion
    // 2026-07-15 fell due 2026-10-15 (49 days ago: overdue); one 2026-09-18 falls due 2026-12-18 (in 15 days: not yet)
    const { deps, records } = setUp();
    const [early, late] = [newId('enr'), newId('enr')];
    await openFollowUps(deps, { participantId: siti, groupId, enrollmentId: sitiTraining, completedAt: '2026-08-31T00:00:00.000Z' });
    await openFollowUps(deps, { participantId: budi, groupId, enrollmentId: budiTraining, completedAt: '2026-08-20T00:00:00.000Z' });
    await openFollowUps(deps, { participantId: budi, groupId, enrollmentId: early, completedAt: '2026-07-15T00:00:00.000Z' });
    await openFollowUps(deps, { participantId: siti, groupId, enrollmentId: late, completedAt: '2026-09-18T00:00:00.000Z' });
    const recorded = await recordFollowUp(deps, facilitator, siti, body);

    // Act
    const due = await listGroupFollowUps(deps, officer, groupId, { status: 'due', limit: 20 });
    const overdue = await listGroupFollowUps(deps, officer, groupId, { status: 'overdue', limit: 20 });
    const done = await listGroupFollowUps(deps, officer, groupId, { status: 'done', limit: 20 });

    // Assert
    expect(due.items).toEqual([
      { participantId: budi, enrollmentId: early, monthsAfter: 3, dueOn: '2026-10-15', status: 'overdue' },
      { participantId: budi, enrollmentId: budiTraining, monthsAfter: 3, dueOn: '2026-11-20', status: 'due' },
    ]);
    expect(overdue.items).toEqual([{ participantId: budi, enrollmentId: early, monthsAfter: 3, dueOn: '2026-10-15', status: 'overdue' }]);
    expect(done.items).toEqual([
      { participantId: siti, enrollmentId: sitiTraining, monthsAfter: 3, dueOn: '2026-11-30', status: 'done', followUpId: recorded.id },
    ]);
    expect(records.map((r) => [r.action, r.participantId])).toEqual([
      ['follow-ups.read', budi],
      ['follow-ups.read', budi],
      ['follow-ups.read', siti],
    ]);
  });

  it('opens nothing twice, and keeps a recorded follow-up done when its training is announced again', async () => {
    const { deps } = setUp();
    const completion = { participantId: siti, groupId, enrollmentId: sitiTraining, completedAt: '2026-08-31T00:00:00.000Z' };
    await recordFollowUp(deps, facilitator, siti, body);

    const first = await openFollowUps(deps, completion);
    const again = await openFollowUps(deps, completion);
    const due = await listGroupFollowUps(deps, facilitator, groupId, { status: 'due', limit: 20 });

    expect([first, again]).toEqual([2, 0]);
    expect(due.items).toEqual([]);
  });

  it("is the group's facilitators', officers' and admins': 404 to another group's facilitator and to participants, unrecorded", async () => {
    const { deps, records } = setUp();

    const outcomes = await Promise.allSettled(
      [admin, facilitator, otherFacilitator, self].map((caller) => listGroupFollowUps(deps, caller, groupId, { status: 'due', limit: 20 })),
    );

    expect(outcomes.map(kindOf)).toEqual(['fulfilled', 'fulfilled', NotFoundError, NotFoundError]);
    expect(records).toEqual([]);
  });
});
