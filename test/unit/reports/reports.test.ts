import { describe, expect, it } from 'vitest';
import type { Caller } from '#shared/kernel/auth/caller';
import { newId } from '#shared/kernel/ids';
import { csvColumns, reportCsv } from '#shared/reports/csv';
import { getGroupReport } from '#shared/reports/reports';
import type { ReportDelta } from '#shared/reports/ports';
import { fakeReportStore } from '#test/support/fakes/reports';
import { fixedClock } from '#test/support/fakes/clock';
import { noFigures } from '#test/support/report';

const groupId = newId('grp');
const [siti, budi, wayan] = [newId('prt'), newId('prt'), newId('prt')];
const facilitator: Caller = { sub: 'f', roles: ['facilitator'], groupId };
const officer: Caller = { sub: 'o', roles: ['officer'] };
const admin: Caller = { sub: 'a', roles: ['admin'] };

async function setUp(deltas: Omit<ReportDelta, 'groupId'>[] = []) {
  const { store, plans } = fakeReportStore([groupId]);
  for (const delta of deltas) await store.apply(newId('evt'), { groupId, ...delta });
  // Another group's figures never leak into this one's report.
  await store.apply(newId('evt'), { groupId: newId('grp'), day: '2026-11-10', counters: { placed: 9 }, sellers: [wayan] });
  const deps = { reports: store, clock: fixedClock('2026-11-28T05:36:47.000Z') };
  return { deps, plans };
}

describe('getGroupReport', () => {
  it('sums the days and months of the range and counts each active seller and each mentored participant once', async () => {
    // Prepare: October 31st is outside the range; November is whole; December 1st–2nd are partial
    const { deps, plans } = await setUp([
      { day: '2026-10-31', counters: { placed: 100, delivered: 100 }, sellers: [wayan] },
      { day: '2026-11-01', counters: { registered: 2, placed: 1 }, sellers: [] },
      { day: '2026-11-30', counters: { delivered: 1, revenueIdr: 170_000, wasteRecycledGrams: 300 }, sellers: [siti] },
      { day: '2026-12-01', counters: { delivered: 1, revenueIdr: 85_000, wasteRecycledGrams: 150 }, sellers: [siti, budi] },
      { day: '2026-12-02', counters: { participantEarningsIdr: 68_000, enrolled: 1, completedTraining: 1, listed: 3 }, sellers: [] },
      { day: '2026-12-02', counters: { refunded: 1, refundedIdr: 85_000, participantEarningsIdr: -20_000 }, sellers: [] },
      { day: '2026-11-15', counters: { payoutsIdr: 40_000 }, sellers: [] },
      { day: '2026-12-03', counters: { cancelled: 5 }, sellers: [wayan] },
      // siti mentored in November (a month bucket) and on December 1st (a day bucket): one participant
      { day: '2026-11-20', counters: { mentoringSessions: 1 }, sellers: [], mentees: [siti] },
      { day: '2026-12-01', counters: { mentoringSessions: 1 }, sellers: [], mentees: [siti] },
      { day: '2026-12-02', counters: { mentoringSessions: 1 }, sellers: [], mentees: [budi] },
      { day: '2026-12-03', counters: { mentoringSessions: 1, placementsEnded: 7 }, sellers: [], mentees: [wayan] },
      { day: '2026-11-05', counters: { placementsStarted: 3, internships: 1, ownBusinesses: 2 }, sellers: [] },
      { day: '2026-12-02', counters: { placementsStarted: 1, jobs: 1, placementsEnded: 1 }, sellers: [] },
      { day: '2026-11-12', counters: { followUpsDone: 2, followUpsWorking: 1 }, sellers: [] },
      { day: '2026-12-02', counters: { followUpsDone: 1, followUpsWorking: 1 }, sellers: [] },
      { day: '2026-12-03', counters: { followUpsDone: 4 }, sellers: [] },
    ]);

    // Act
    const report = await getGroupReport(deps, facilitator, groupId, { from: '2026-11-01', to: '2026-12-02' });

    // Assert
    expect(report).toEqual({
      groupId,
      from: '2026-11-01',
      to: '2026-12-02',
      participants: { registered: 2, enrolled: 1, completedTraining: 1, activeSellers: 2 },
      products: { listed: 3 },
      orders: { placed: 1, paid: 0, delivered: 2, cancelled: 0, refunded: 1 },
      revenueIdr: 255_000,
      refundedIdr: 85_000,
      participantEarningsIdr: 48_000,
      payoutsIdr: 40_000,
      wasteRecycledGrams: 450,
      mentoring: { sessions: 3, participants: 2 },
      placements: { started: 4, internship: 1, job: 1, ownBusiness: 2, ended: 1 },
      followUps: { done: 3, working: 2 },
    });
    expect(plans).toEqual([{ days: [{ from: '2026-12-01', to: '2026-12-02' }], months: { from: '2026-11', to: '2026-11' } }]);
  });

  it('defaults to the current UTC month, and answers zeros where nothing happened', async () => {
    // Prepare
    const { deps } = await setUp();

    // Act
    const report = await getGroupReport(deps, officer, groupId, {});

    // Assert
    expect(report).toEqual({ groupId, from: '2026-11-01', to: '2026-11-30', ...noFigures });
  });

  it('is for the group’s facilitators, officers and admins', async () => {
    // Prepare
    const { deps } = await setUp();
    const refused: Caller[] = [
      { sub: 'f2', roles: ['facilitator'], groupId: newId('grp') },
      { sub: 'p', roles: ['participant'], participantId: siti },
      { sub: 'b', roles: ['buyer'] },
    ];

    // Act
    const allowed = await Promise.all([facilitator, officer, admin].map((caller) => getGroupReport(deps, caller, groupId, {})));
    const outcomes = await Promise.allSettled(refused.map((caller) => getGroupReport(deps, caller, groupId, {})));

    // Assert
    expect(allowed.map((report) => report.groupId)).toEqual([groupId, groupId, groupId]);
    for (const outcome of outcomes) expect(outcome).toMatchObject({ status: 'rejected', reason: { kind: 'forbidden' } });
  });

  it('answers 404 for an unknown group and 400 for a reversed range', async () => {
    // Prepare
    const { deps } = await setUp();

    // Act
    const unknown = getGroupReport(deps, admin, newId('grp'), {});
    const reversed = getGroupReport(deps, admin, groupId, { from: '2026-11-02', to: '2026-11-01' });

    // Assert
    await expect(unknown).rejects.toMatchObject({ kind: 'not-found' });
    await expect(reversed).rejects.toMatchObject({ kind: 'invalid-input' });
  });
});

describe('reportCsv', () => {
  it('is a header row and one data row of the same figures, CRLF-terminated', () => {
    // Prepare
    const report = {
      groupId,
      from: '2026-11-01',
      to: '2026-11-30',
      ...noFigures,
      participants: { registered: 1, enrolled: 2, completedTraining: 3, activeSellers: 4 },
      orders: { placed: 5, paid: 6, delivered: 7, cancelled: 8, refunded: 9 },
      revenueIdr: 1_250_000,
      refundedIdr: 170_000,
      participantEarningsIdr: -68_000,
      payoutsIdr: 50_000,
      mentoring: { sessions: 10, participants: 11 },
      placements: { started: 12, internship: 13, job: 14, ownBusiness: 15, ended: 16 },
      followUps: { done: 17, working: 18 },
    };

    // Act
    const csv = reportCsv(report);

    // Assert
    expect(csv).toBe(
      'groupId,from,to,participants.registered,participants.enrolled,participants.completedTraining,participants.activeSellers,' +
        'products.listed,orders.placed,orders.paid,orders.delivered,orders.cancelled,revenueIdr,participantEarningsIdr,wasteRecycledGrams,' +
        'orders.refunded,refundedIdr,payoutsIdr,' +
        'mentoring.sessions,mentoring.participants,placements.started,placements.internship,placements.job,placements.ownBusiness,' +
        'placements.ended,followUps.done,followUps.working\r\n' +
        `${groupId},2026-11-01,2026-11-30,1,2,3,4,0,5,6,7,8,1250000,-68000,0,9,170000,50000,10,11,12,13,14,15,16,17,18\r\n`,
    );
    expect(csvColumns).toHaveLength(27);
  });

  it('quotes a field that holds a comma or a quote', () => {
    // Prepare
    const report = { groupId: 'a,"b"', from: '2026-11-01', to: '2026-11-30', ...noFigures };

    // Act
    const [, row] = reportCsv(report).split('\r\n');

    // Assert
    expect(row?.startsWith('"a,""b""",2026-11-01,')).toBe(true);
  });
});
