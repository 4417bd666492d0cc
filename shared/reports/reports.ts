import { type Caller, hasRole, isFacilitatorOf } from '#shared/kernel/auth/caller';
import type { Clock } from '#shared/kernel/clock';
import { ForbiddenError, NotFoundError } from '#shared/kernel/errors';
import { planBuckets, resolveRange } from './date-range.ts';
import { sumBuckets } from './figures.ts';
import type { ReportStore } from './ports.ts';
import type { GroupReport, ReportQuery } from './schemas.ts';

export interface ReportDeps {
  reports: ReportStore;
  clock: Clock;
}

/** Who may read a group's report: its facilitators, officers and admins. */
export function canReadReport(caller: Caller, groupId: string): boolean {
  return hasRole(caller, 'admin', 'officer') || isFacilitatorOf(caller, groupId);
}

/**
 * A group's figures over an inclusive range of UTC dates (default: the current month), summed from the
 * projection's month buckets for whole months and day buckets for the partial months at the edges.
 */
export async function getGroupReport(deps: ReportDeps, caller: Caller, groupId: string, query: ReportQuery): Promise<GroupReport> {
  if (!canReadReport(caller, groupId)) throw new ForbiddenError("Only the group's facilitators, officers and admins read its report");
  const range = resolveRange(query, deps.clock.now());
  const { groupExists, buckets } = await deps.reports.buckets(groupId, planBuckets(range));
  if (!groupExists) throw new NotFoundError('Group');
  const { counters: c, activeSellers, mentored } = sumBuckets(buckets);
  return {
    groupId,
    from: range.from,
    to: range.to,
    participants: { registered: c.registered, enrolled: c.enrolled, completedTraining: c.completedTraining, activeSellers },
    products: { listed: c.listed },
    orders: { placed: c.placed, paid: c.paid, delivered: c.delivered, cancelled: c.cancelled, refunded: c.refunded },
    revenueIdr: c.revenueIdr,
    refundedIdr: c.refundedIdr,
    participantEarningsIdr: c.participantEarningsIdr,
    payoutsIdr: c.payoutsIdr,
    wasteRecycledGrams: c.wasteRecycledGrams,
    mentoring: { sessions: c.mentoringSessions, participants: mentored },
    placements: {
      started: c.placementsStarted,
      internship: c.internships,
      job: c.jobs,
      ownBusiness: c.ownBusinesses,
      ended: c.placementsEnded,
    },
    followUps: { done: c.followUpsDone, working: c.followUpsWorking },
  };
}
