import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Caller } from '#shared/kernel/auth/caller';
import { ConflictError, NotFoundError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import { participantKey } from '#shared/kernel/store/keys';
import { buildMentoringStore } from '#shared/programme/dynamo-mentoring-store';
import { buildPlacementStore } from '#shared/programme/dynamo-placement-store';
import { buildProgrammeSources } from '#shared/programme/dynamo-programme-sources';
import { recordMentoring } from '#shared/programme/mentoring';
import { endPlacement, startPlacement } from '#shared/programme/placements';
import { fixedClock } from '#test/support/fakes/clock';
import { storedSellers } from '#test/support/table/earning-orders';
import { localTable } from '#test/support/table/local-table';
import { scanTable } from '#test/support/table/scan';

const { doc, table, cursors } = localTable();
const mentoring = buildMentoringStore(doc, table, cursors);
const placements = buildPlacementStore(doc, table, cursors);
const deps = { mentoring, placements, sources: buildProgrammeSources(doc, table), clock: fixedClock('2026-12-03T02:00:00.000Z') };
const session = { topic: 'production' as const, durationMinutes: 60, notes: 'Menjahit tas dari plastik' };
const placementBody = { kind: 'internship' as const, organisation: 'Bank Sampah Mandiri', sector: 'recycling', startedOn: '2026-11-01' };

/** A participant in a group of their own, and that group's facilitator. */
async function participantInGroup() {
  const groupId = newId('grp');
  const siti = newId('prt');
  await storedSellers(doc, table, groupId, [siti]);
  const facilitator: Caller = { sub: `fac-${groupId}`, roles: ['facilitator'], groupId };
  return { groupId, siti, facilitator };
}

const outboxRowsWith = (field: string, id: string) =>
  scanTable(doc, table, {
    FilterExpression: 'entity = :outbox AND detail.#data.#field = :id',
    ExpressionAttributeNames: { '#data': 'data', '#field': field },
    ExpressionAttributeValues: { ':outbox': 'outbox', ':id': id },
  });

describe('the programme stores against DynamoDB Local', () => {
  it('writes a session with its MentoringRecorded row, and neither once the participant was erased', async () => {
    // Prepare
    const { siti, groupId, facilitator } = await participantInGroup();
    const racing = { ...deps, sources: { ...deps.sources, participant: async () => ({ groupId, erased: false }) } };

    // Act
    const recorded = await recordMentoring(deps, facilitator, siti, { ...session, date: '2026-12-01' });
    await doc.send(
      new PutCommand({ TableName: table, Item: { ...participantKey(siti), entity: 'participant', id: siti, groupId, erasedAt: 'x' } }),
    );
    const refused = recordMentoring(racing, facilitator, siti, { ...session, date: '2026-12-02' });

    // Assert
    await expect(refused).rejects.toBeInstanceOf(NotFoundError);
    expect(await mentoring.allOf(siti)).toEqual([recorded]);
    const rows = await outboxRowsWith('participantId', siti);
    expect(rows.map((row) => [row.source, row.detailType, row.detail])).toEqual([
      [
        'pas-kreatif.programme',
        'MentoringRecorded',
        expect.objectContaining({ data: { sessionId: recorded.id, participantId: siti, groupId, topic: 'production' } }),
      ],
    ]);
  });

  it('lists sessions newest first by date across pages, with a cursor only while more follow', async () => {
    // Prepare: recorded out of date order
    const { siti, facilitator } = await participantInGroup();
    const dates = ['2026-11-10', '2026-12-01', '2026-11-20', '2026-11-30', '2026-11-01'];
    for (const date of dates) await recordMentoring(deps, facilitator, siti, { ...session, date });

    // Act
    const first = await mentoring.list(siti, { limit: 2 });
    const second = await mentoring.list(siti, { limit: 2, cursor: first.nextCursor as string });
    const third = await mentoring.list(siti, { limit: 2, cursor: second.nextCursor as string });

    // Assert
    expect([first, second, third].map((page) => page.items.map((s) => s.date))).toEqual([
      ['2026-12-01', '2026-11-30'],
      ['2026-11-20', '2026-11-10'],
      ['2026-11-01'],
    ]);
    expect(third.nextCursor).toBeNull();
  });

  it('ends a placement exactly once when two ends run at once: one 200, one 409, one PlacementEnded', async () => {
    // Prepare
    const { siti, facilitator } = await participantInGroup();
    const placement = await startPlacement(deps, facilitator, siti, placementBody);
    const officer: Caller = { sub: 'officer-1', roles: ['officer'] };

    // Act
    const results = await Promise.allSettled([
      endPlacement(deps, facilitator, placement.id, { endedOn: '2026-12-01', outcome: 'hired' }),
      endPlacement(deps, officer, placement.id, { endedOn: '2026-12-02', outcome: 'completed' }),
    ]);

    // Assert
    const ended = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(ended).toHaveLength(1);
    expect(refused.map((result) => result.reason)).toEqual([expect.any(ConflictError)]);
    const stored = await placements.get(placement.id);
    expect(stored).toMatchObject({ status: 'ended', outcome: ended[0]?.value.outcome });
    const rows = await outboxRowsWith('placementId', placement.id);
    expect(rows.map((row) => row.detailType).sort()).toEqual(['PlacementEnded', 'PlacementStarted']);
  });

  it('lists placements newest first across pages, and finds one by its id alone', async () => {
    // Prepare
    const { siti, facilitator } = await participantInGroup();
    const started = [];
    for (const kind of ['internship', 'job', 'own_business'] as const)
      started.push(await startPlacement(deps, facilitator, siti, { ...placementBody, kind }));

    // Act
    const first = await placements.list(siti, { limit: 2 });
    const second = await placements.list(siti, { limit: 2, cursor: first.nextCursor as string });

    // Assert
    expect([...first.items, ...second.items].map((p) => p.id)).toEqual(started.map((p) => p.id).reverse());
    expect(second.nextCursor).toBeNull();
    expect(await placements.get(started[1]?.id as string)).toEqual(started[1]);
    expect(await placements.get(newId('plc'))).toBeUndefined();
  });

  it('erases notes and organisations, keeping ids, dates and kinds; repeating it is harmless', async () => {
    // Prepare
    const { siti, facilitator } = await participantInGroup();
    const recorded = await recordMentoring(deps, facilitator, siti, { ...session, date: '2026-12-01' });
    const placement = await startPlacement(deps, facilitator, siti, placementBody);

    // Act
    await mentoring.eraseNotes(siti, '2026-12-03T03:00:00.000Z');
    await placements.eraseOrganisations(siti, '2026-12-03T03:00:00.000Z');
    await mentoring.eraseNotes(siti, '2026-12-03T04:00:00.000Z');
    await placements.eraseOrganisations(siti, '2026-12-03T04:00:00.000Z');

    // Assert
    expect(await mentoring.allOf(siti)).toEqual([{ ...recorded, notes: null }]);
    expect(await placements.allOf(siti)).toEqual([{ ...placement, organisation: null }]);
    const items = await scanTable(doc, table, {
      FilterExpression: 'participantId = :siti AND erasedAt = :first',
      ExpressionAttributeValues: { ':siti': siti, ':first': '2026-12-03T03:00:00.000Z' },
    });
    expect(items).toHaveLength(2);
  });
});
