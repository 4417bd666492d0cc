import { describe, expect, it } from 'vitest';
import type { Caller } from '#shared/kernel/auth/caller';
import { ForbiddenError, InvalidInputError, NotFoundError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import { listMentoring, recordMentoring } from '#shared/programme/mentoring';
import { fakeAccessLog } from '#test/support/fakes/access-log';
import { fixedClock } from '#test/support/fakes/clock';
import { fakeProgramme } from '#test/support/fakes/programme';

const groupId = newId('grp');
const siti = newId('prt');
const now = '2026-12-03T02:00:00.000Z';
const facilitator: Caller = { sub: 'fac', roles: ['facilitator'], groupId };
const officer: Caller = { sub: 'off', roles: ['officer'] };
const self: Caller = { sub: 'siti', roles: ['participant'], participantId: siti };
const otherFacilitator: Caller = { sub: 'f2', roles: ['facilitator'], groupId: newId('grp') };
const body = { date: '2026-12-02', topic: 'business' as const, durationMinutes: 90, notes: 'Menghitung harga pokok' };

function setUp() {
  const fakes = fakeProgramme({ [siti]: { groupId, erased: false } });
  const { accessLog, records } = fakeAccessLog();
  const deps = { mentoring: fakes.mentoring, sources: fakes.sources, accessLog, clock: fixedClock(now) };
  return { deps, fakes, records };
}

describe('recordMentoring', () => {
  it('records the session with its mentor and announces MentoringRecorded with ids and the topic only', async () => {
    // Prepare
    const { deps, fakes } = setUp();

    // Act
    const session = await recordMentoring(deps, facilitator, siti, body);

    // Assert
    expect(session).toEqual({
      id: expect.stringMatching(/^mtr_/),
      participantId: siti,
      groupId,
      ...body,
      mentorSub: 'fac',
      createdAt: now,
    });
    expect(fakes.events).toEqual([
      { detailType: 'MentoringRecorded', data: { sessionId: session.id, participantId: siti, groupId, topic: 'business' } },
    ]);
  });

  it('keeps absent notes as null', async () => {
    const { deps } = setUp();

    const session = await recordMentoring(deps, facilitator, siti, { date: body.date, topic: 'other', durationMinutes: 1 });

    expect(session.notes).toBeNull();
  });

  it("is for the group's facilitators: 403 to officers, admins and the participant, 404 to another group's facilitator", async () => {
    // Prepare
    const { deps, fakes } = setUp();

    // Act
    const attempts = [officer, { sub: 'adm', roles: ['admin'] } as Caller, self, otherFacilitator].map((caller) =>
      recordMentoring(deps, caller, siti, body),
    );

    // Assert
    const outcomes = await Promise.allSettled(attempts);
    expect(outcomes.map((o) => (o.status === 'rejected' ? o.reason.constructor : o.status))).toEqual([
      ForbiddenError,
      ForbiddenError,
      ForbiddenError,
      NotFoundError,
    ]);
    expect(fakes.events).toEqual([]);
  });

  it('answers 404 for an unknown or erased participant, also when erased between the check and the write', async () => {
    // Prepare
    const { deps, fakes } = setUp();
    const erased = newId('prt');
    fakes.standings.set(erased, { groupId, erased: true });
    const racing = { ...deps, sources: { ...deps.sources, participant: async () => ({ groupId, erased: false }) } };
    fakes.standings.set(siti, { groupId, erased: true });

    // Act
    const unknown = recordMentoring(deps, facilitator, newId('prt'), body);
    const ofErased = recordMentoring(deps, facilitator, erased, body);
    const erasedMeanwhile = recordMentoring(racing, facilitator, siti, body);

    // Assert
    await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
    await expect(ofErased).rejects.toBeInstanceOf(NotFoundError);
    await expect(erasedMeanwhile).rejects.toBeInstanceOf(NotFoundError);
    expect(fakes.events).toEqual([]);
  });

  it('refuses a session dated after tomorrow (the recorder may be 9 hours ahead of UTC), naming body.date', async () => {
    const { deps } = setUp();

    const future = recordMentoring(deps, facilitator, siti, { ...body, date: '2026-12-05' });
    const tomorrow = recordMentoring(deps, facilitator, siti, { ...body, date: '2026-12-04' });

    await expect(future).rejects.toBeInstanceOf(InvalidInputError);
    await expect(future).rejects.toMatchObject({ errors: [{ path: 'body.date' }] });
    await expect(tomorrow).resolves.toMatchObject({ date: '2026-12-04' });
  });
});

describe('listMentoring', () => {
  it('shows the sessions, newest first by date, to the participant, the facilitator and officers, recording each read', async () => {
    // Prepare
    const { deps, records } = setUp();
    const older = await recordMentoring(deps, facilitator, siti, { ...body, date: '2026-11-20' });
    const newer = await recordMentoring(deps, facilitator, siti, { ...body, date: '2026-12-01' });

    // Act
    const pages = await Promise.all([self, facilitator, officer].map((caller) => listMentoring(deps, caller, siti, { limit: 20 })));

    // Assert
    expect(pages.map((page) => page.items.map((s) => s.id))).toEqual(Array(3).fill([newer.id, older.id]));
    expect(records.map((r) => [r.action, r.actorSub, r.participantId])).toEqual([
      ['mentoring.read', 'siti', siti],
      ['mentoring.read', 'fac', siti],
      ['mentoring.read', 'off', siti],
    ]);
  });

  it('hides them (404, nothing recorded) from another group’s facilitator and another participant', async () => {
    const { deps, records } = setUp();
    const other: Caller = { sub: 'q', roles: ['participant'], participantId: newId('prt') };

    const hidden = await Promise.allSettled([otherFacilitator, other].map((caller) => listMentoring(deps, caller, siti, { limit: 20 })));

    expect(hidden.map((o) => o.status === 'rejected' && o.reason instanceof NotFoundError)).toEqual([true, true]);
    expect(records).toEqual([]);
  });
});
