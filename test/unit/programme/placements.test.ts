import { describe, expect, it } from 'vitest';
import type { Caller } from '#shared/kernel/auth/caller';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import { endPlacement, listPlacements, startPlacement } from '#shared/programme/placements';
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
const body = { kind: 'job' as const, organisation: 'Toko Sinar Mataram', sector: 'retail', startedOn: '2026-12-01' };
const end = { endedOn: '2026-12-02', outcome: 'hired' as const };

function setUp() {
  const fakes = fakeProgramme({ [siti]: { groupId, erased: false } });
  const { accessLog, records } = fakeAccessLog();
  const deps = { placements: fakes.placements, sources: fakes.sources, accessLog, clock: fixedClock(now) };
  return { deps, fakes, records };
}

const kindOf = (outcome: PromiseSettledResult<unknown>) => (outcome.status === 'rejected' ? outcome.reason.constructor : outcome.status);

describe('startPlacement', () => {
  it('starts an active placement and announces PlacementStarted with ids and the kind only', async () => {
    // Prepare
    const { deps, fakes } = setUp();

    // Act
    const placement = await startPlacement(deps, facilitator, siti, body);

    // Assert
    expect(placement).toEqual({
      id: expect.stringMatching(/^plc_/),
      participantId: siti,
      groupId,
      ...body,
      endsOn: null,
      status: 'active',
      endedOn: null,
      outcome: null,
      createdAt: now,
    });
    expect(fakes.events).toEqual([
      { detailType: 'PlacementStarted', data: { placementId: placement.id, participantId: siti, groupId, kind: 'job' } },
    ]);
  });

  it("is for the group's facilitators and officers: 403 to the participant and admins, 404 to another group's facilitator", async () => {
    const { deps } = setUp();
    const callers = [officer, self, { sub: 'adm', roles: ['admin'] } as Caller, otherFacilitator];

    const outcomes = await Promise.allSettled(callers.map((caller) => startPlacement(deps, caller, siti, body)));

    expect(outcomes.map(kindOf)).toEqual(['fulfilled', ForbiddenError, ForbiddenError, NotFoundError]);
  });

  it('answers 404 for an unknown or erased participant, and 400 naming body.endsOn for an end before the start', async () => {
    const { deps, fakes } = setUp();
    const erased = newId('prt');
    fakes.standings.set(erased, { groupId, erased: true });

    await expect(startPlacement(deps, officer, newId('prt'), body)).rejects.toBeInstanceOf(NotFoundError);
    await expect(startPlacement(deps, officer, erased, body)).rejects.toBeInstanceOf(NotFoundError);
    await expect(startPlacement(deps, officer, siti, { ...body, endsOn: '2026-11-30' })).rejects.toMatchObject({
      errors: [{ path: 'body.endsOn' }],
    });
    expect(fakes.events).toEqual([]);
  });
});

describe('endPlacement', () => {
  it('ends it once with its outcome and announces PlacementEnded with ids and codes only; a second end is a 409', async () => {
    // Prepare
    const { deps, fakes } = setUp();
    const placement = await startPlacement(deps, facilitator, siti, body);

    // Act
    const ended = await endPlacement(deps, officer, placement.id, end);
    const again = endPlacement(deps, facilitator, placement.id, { ...end, outcome: 'left' });

    // Assert
    expect(ended).toEqual({ ...placement, status: 'ended', endedOn: '2026-12-02', outcome: 'hired' });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    expect(fakes.events.at(-1)).toEqual({
      detailType: 'PlacementEnded',
      data: { placementId: placement.id, participantId: siti, groupId, kind: 'job', outcome: 'hired' },
    });
    expect(fakes.events).toHaveLength(2);
  });

  it('is a 409 when another end wins between the read and the write', async () => {
    // Prepare
    const { deps, fakes } = setUp();
    const placement = await startPlacement(deps, facilitator, siti, body);
    const stale = { ...deps, placements: { ...deps.placements, get: async () => placement } };
    await endPlacement(deps, facilitator, placement.id, end);

    // Act
    const lost = endPlacement(stale, officer, placement.id, { ...end, outcome: 'completed' });

    // Assert
    await expect(lost).rejects.toBeInstanceOf(ConflictError);
    expect(fakes.events.filter((e) => e.detailType === 'PlacementEnded')).toHaveLength(1);
  });

  it("refuses the participant (403), hides it from another group's facilitator (404), and names body.endedOn", async () => {
    const { deps, fakes } = setUp();
    const placement = await startPlacement(deps, facilitator, siti, body);

    const outcomes = await Promise.allSettled([
      endPlacement(deps, self, placement.id, end),
      endPlacement(deps, otherFacilitator, placement.id, end),
      endPlacement(deps, officer, newId('plc'), end),
    ]);
    const beforeStart = endPlacement(deps, officer, placement.id, { ...end, endedOn: '2026-11-30' });
    const future = endPlacement(deps, officer, placement.id, { ...end, endedOn: '2026-12-05' });

    expect(outcomes.map(kindOf)).toEqual([ForbiddenError, NotFoundError, NotFoundError]);
    await expect(beforeStart).rejects.toMatchObject({ errors: [{ path: 'body.endedOn' }] });
    await expect(future).rejects.toBeInstanceOf(InvalidInputError);
    expect(fakes.events).toHaveLength(1);
  });

  it('answers 404 once the participant was erased', async () => {
    const { deps, fakes } = setUp();
    const placement = await startPlacement(deps, facilitator, siti, body);
    fakes.standings.set(siti, { groupId, erased: true });

    await expect(endPlacement(deps, officer, placement.id, end)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('listPlacements', () => {
  it('shows the placements, newest first, to the participant and officers, recording each read; 404 to strangers', async () => {
    // Prepare
    const { deps, records } = setUp();
    const first = await startPlacement(deps, facilitator, siti, body);
    const second = await startPlacement(deps, officer, siti, { ...body, kind: 'own_business' });

    // Act
    const pages = await Promise.all([self, officer].map((caller) => listPlacements(deps, caller, siti, { limit: 20 })));
    const hidden = listPlacements(deps, otherFacilitator, siti, { limit: 20 });

    // Assert
    expect(pages.map((page) => page.items.map((p) => p.id))).toEqual([
      [second.id, first.id],
      [second.id, first.id],
    ]);
    await expect(hidden).rejects.toBeInstanceOf(NotFoundError);
    expect(records.map((r) => [r.action, r.actorSub])).toEqual([
      ['placements.read', 'siti'],
      ['placements.read', 'off'],
    ]);
  });
});
