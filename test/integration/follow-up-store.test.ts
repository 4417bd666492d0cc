import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Caller } from '#shared/kernel/auth/caller';
import { ConflictError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import { enrollmentKey } from '#shared/kernel/store/keys';
import { buildFollowUpStore } from '#shared/programme/dynamo-follow-up-store';
import { buildProgrammeSources } from '#shared/programme/dynamo-programme-sources';
import { listGroupFollowUps, openFollowUps, recordFollowUp } from '#shared/programme/follow-ups';
import { fakeAccessLog } from '#test/support/fakes/access-log';
import { fixedClock } from '#test/support/fakes/clock';
import { storedSellers } from '#test/support/table/earning-orders';
import { localTable } from '#test/support/table/local-table';
import { scanTable } from '#test/support/table/scan';

const { doc, table, cursors } = localTable();
const followUps = buildFollowUpStore(doc, table, cursors);
const sources = buildProgrammeSources(doc, table);
// Today is 2026-12-03: due is up to 2026-12-17, overdue before 2026-11-03.
const clock = fixedClock('2026-12-03T02:00:00.000Z');
const body = {
  monthsAfter: 3 as const,
  contactedOn: '2026-12-02',
  working: 'employed' as const,
  monthlyIncomeBand: 'under_1m' as const,
  stillSelling: false,
  notes: 'Bekerja di bengkel las',
};

/** A group of its own with participants, and a completed enrollment of each at the given times. */
async function groupWithCompletions(completions: readonly string[]) {
  const groupId = newId('grp');
  const participants = completions.map(() => newId('prt'));
  await storedSellers(doc, table, groupId, participants);
  const enrollments = completions.map(() => newId('enr'));
  await Promise.all(
    completions.map((completedAt, index) =>
      doc.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...enrollmentKey(enrollments[index] as string),
            entity: 'enrollment',
            id: enrollments[index],
            participantId: participants[index],
            groupId,
            status: 'completed',
            completedAt,
          },
        }),
      ),
    ),
  );
  const facilitator: Caller = { sub: `fac-${groupId}`, roles: ['facilitator'], groupId };
  const { accessLog, records } = fakeAccessLog();
  const deps = { followUps, sources, clock, accessLog };
  return { groupId, participants, enrollments, facilitator, deps, records };
}

const slotItems = (participantId: string) =>
  scanTable(doc, table, {
    FilterExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': `PARTICIPANT#${participantId}`, ':prefix': 'FOLLOWUP#' },
  });

describe('follow-ups against DynamoDB Local', () => {
  it('finds due, overdue and done follow-ups by Query on the group partitions, oldest due first, across pages', async () => {
    // Prepare: 3-month follow-ups due 2026-10-15 (overdue), 2026-11-20 and 2026-12-17 (due), 2026-12-18 (not yet)
    const { groupId, participants, enrollments, facilitator, deps } = await groupWithCompletions([
      '2026-07-15T00:00:00.000Z',
      '2026-08-20T00:00:00.000Z',
      '2026-09-17T00:00:00.000Z',
      '2026-09-18T00:00:00.000Z',
    ]);
    const [a, b, c] = participants as [string, string, string, string];
    const [enrA, enrB, enrC] = enrollments as [string, string, string, string];
    for (const [index, participantId] of participants.entries()) {
      const completedAt = ['2026-07-15', '2026-08-20', '2026-09-17', '2026-09-18'][index];
      await openFollowUps(deps, {
        participantId,
        groupId,
        enrollmentId: enrollments[index] as string,
        completedAt: `${completedAt}T00:00:00.000Z`,
      });
    }
    const recorded = await recordFollowUp(deps, facilitator, b, { ...body, enrollmentId: enrB });
    // Another group's follow-ups never show here.
    const other = await groupWithCompletions(['2026-07-15T00:00:00.000Z']);
    await openFollowUps(other.deps, {
      participantId: other.participants[0] as string,
      groupId: other.groupId,
      enrollmentId: other.enrollments[0] as string,
      completedAt: '2026-07-15T00:00:00.000Z',
    });

    // Act
    const firstPage = await listGroupFollowUps(deps, facilitator, groupId, { status: 'due', limit: 1 });
    const secondPage = await listGroupFollowUps(deps, facilitator, groupId, {
      status: 'due',
      limit: 1,
      cursor: firstPage.nextCursor ?? undefined,
    });
    const overdue = await listGroupFollowUps(deps, facilitator, groupId, { status: 'overdue', limit: 20 });
    const done = await listGroupFollowUps(deps, facilitator, groupId, { status: 'done', limit: 20 });

    // Assert
    expect(firstPage.items).toEqual([{ participantId: a, enrollmentId: enrA, monthsAfter: 3, dueOn: '2026-10-15', status: 'overdue' }]);
    expect(secondPage).toEqual({
      items: [{ participantId: c, enrollmentId: enrC, monthsAfter: 3, dueOn: '2026-12-17', status: 'due' }],
      nextCursor: null,
    });
    expect(overdue).toEqual({
      items: [{ participantId: a, enrollmentId: enrA, monthsAfter: 3, dueOn: '2026-10-15', status: 'overdue' }],
      nextCursor: null,
    });
    expect(done).toEqual({
      items: [{ participantId: b, enrollmentId: enrB, monthsAfter: 3, dueOn: '2026-11-20', status: 'done', followUpId: recorded.id }],
      nextCursor: null,
    });
  });

  it('records a follow-up once when two requests for it run at once: one recorded, one conflict, one item, one event', async () => {
    // Prepare
    const { groupId, participants, enrollments, facilitator, deps } = await groupWithCompletions(['2026-08-31T00:00:00.000Z']);
    const [siti] = participants as [string];
    const [training] = enrollments as [string];
    await openFollowUps(deps, { participantId: siti, groupId, enrollmentId: training, completedAt: '2026-08-31T00:00:00.000Z' });
    const officer: Caller = { sub: 'officer-1', roles: ['officer'] };

    // Act
    const outcomes = await Promise.allSettled([
      recordFollowUp(deps, facilitator, siti, { ...body, enrollmentId: training }),
      recordFollowUp(deps, officer, siti, { ...body, enrollmentId: training, working: 'not_working' }),
    ]);

    // Assert
    const fulfilled = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const rejected = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toBeInstanceOf(ConflictError);
    const items = (await slotItems(siti)).filter((item) => item.monthsAfter === 3);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: fulfilled[0]?.id, working: fulfilled[0]?.working, gsi1pk: `GROUP#${groupId}#FOLLOWUPS_DONE` });
    const events = await scanTable(doc, table, {
      FilterExpression: 'entity = :outbox AND detail.#data.enrollmentId = :enr',
      ExpressionAttributeNames: { '#data': 'data' },
      ExpressionAttributeValues: { ':outbox': 'outbox', ':enr': training },
    });
    expect(events.map((event) => (event.detail as { data: unknown }).data)).toEqual([
      { followUpId: fulfilled[0]?.id, participantId: siti, groupId, enrollmentId: training, monthsAfter: 3 },
    ]);
  });

  it('records before the slots are opened, and a later TrainingCompleted leaves the recorded one done', async () => {
    // Prepare
    const { groupId, participants, enrollments, facilitator, deps } = await groupWithCompletions(['2026-08-31T00:00:00.000Z']);
    const [siti] = participants as [string];
    const [training] = enrollments as [string];
    const recorded = await recordFollowUp(deps, facilitator, siti, { ...body, enrollmentId: training });

    // Act
    const opened = await openFollowUps(deps, {
      participantId: siti,
      groupId,
      enrollmentId: training,
      completedAt: '2026-08-31T00:00:00.000Z',
    });
    const again = await openFollowUps(deps, {
      participantId: siti,
      groupId,
      enrollmentId: training,
      completedAt: '2026-08-31T00:00:00.000Z',
    });

    // Assert
    expect([opened, again]).toEqual([2, 0]);
    expect(await slotItems(siti)).toHaveLength(3);
    expect((await listGroupFollowUps(deps, facilitator, groupId, { status: 'due', limit: 20 })).items).toEqual([]);
    expect((await listGroupFollowUps(deps, facilitator, groupId, { status: 'done', limit: 20 })).items).toEqual([
      { participantId: siti, enrollmentId: training, monthsAfter: 3, dueOn: '2026-11-30', status: 'done', followUpId: recorded.id },
    ]);
    expect(await followUps.allOf(siti)).toEqual([recorded]);
  });

  it("erases follow-ups' notes, keeping the codes and dates; repeating it is harmless", async () => {
    // Prepare
    const { participants, enrollments, facilitator, deps } = await groupWithCompletions(['2026-08-31T00:00:00.000Z']);
    const [siti] = participants as [string];
    const recorded = await recordFollowUp(deps, facilitator, siti, { ...body, enrollmentId: enrollments[0] as string });

    // Act
    await followUps.eraseNotes(siti, '2026-12-03T03:00:00.000Z');
    await followUps.eraseNotes(siti, '2026-12-03T04:00:00.000Z');

    // Assert
    expect(await followUps.allOf(siti)).toEqual([{ ...recorded, notes: null }]);
    expect((await slotItems(siti))[0]).toMatchObject({ erasedAt: '2026-12-03T03:00:00.000Z' });
  });
});
