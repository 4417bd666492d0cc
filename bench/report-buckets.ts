import { newId } from '#shared/kernel/ids';
import { currentMonth } from '#shared/reports/date-range';
import { buildReportStore } from '#shared/reports/dynamo-report-store';
import { localDocumentClient } from './local-client.ts';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * A year of one group's report: one event a day for the 365 days up to today, written by the projection's own store
 * (so each day bucket and its month bucket, as the consumer writes them), with a few of 40 sellers active and
 * mentored each day, and the programme's counters (mentoring, placements, follow-ups) beside the sales'.
 * Returns two year-long ranges over it: the twelve calendar months up to this one (twelve month buckets) and the
 * 365 days up to today (the partial first and last months read by day, the eleven between by month).
 */
export async function seedReportYear(endpoints: { dynamoEndpoint: string; tableName: string }, groupId: string) {
  const { doc, destroy } = localDocumentClient(endpoints);
  const reports = buildReportStore(doc, endpoints.tableName);
  const sellers = Array.from({ length: 40 }, () => newId('prt'));
  const today = Date.now();
  const days = Array.from({ length: 365 }, (_, index) => new Date(today - (364 - index) * dayMs).toISOString().slice(0, 10));
  for (const [index, day] of days.entries()) {
    await reports.apply(newId('evt'), {
      groupId,
      day,
      counters: {
        registered: 1,
        enrolled: 1,
        completedTraining: 1,
        listed: 2,
        placed: 5,
        paid: 4,
        delivered: 3,
        cancelled: 1,
        refunded: 1,
        revenueIdr: 255_000,
        refundedIdr: 85_000,
        participantEarningsIdr: 136_000,
        payoutsIdr: 100_000,
        wasteRecycledGrams: 720,
        mentoringSessions: 2,
        placementsStarted: 1,
        internships: 1,
        placementsEnded: 1,
        followUpsDone: 1,
        followUpsWorking: 1,
      },
      sellers: [0, 1, 2].map((offset) => sellers[(index + offset * 7) % sellers.length] as string),
      // The mentees' set grows in each bucket as the sellers' does, so a year's read unites both.
      mentees: [0, 1].map((offset) => sellers[(index + offset * 11) % sellers.length] as string),
    });
  }
  destroy();
  const now = new Date(today);
  const twelveMonths = {
    from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)).toISOString().slice(0, 10),
    to: currentMonth(now).to,
  };
  return { twelveMonths, days365: { from: days[0] as string, to: days[days.length - 1] as string } };
}
