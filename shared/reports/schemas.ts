import { GroupId } from '#events/ids';
import { CalendarDateSchema } from '#shared/kernel/calendar-date';
import * as z from '#shared/kernel/validation';

export const ReportParamsSchema = z.object({ groupId: GroupId });

/** Unknown query parameters are ignored, as on every route. */
export const ReportQuerySchema = z.object({
  from: z.optional(CalendarDateSchema),
  to: z.optional(CalendarDateSchema),
  format: z.optional(z.enum(['json', 'csv'])),
});
export type ReportQuery = z.output<typeof ReportQuerySchema>;

const count = z.int().check(z.minimum(0));

export const GroupReportSchema = z.object({
  groupId: GroupId,
  from: z.iso.date(),
  to: z.iso.date(),
  participants: z.object({ registered: count, enrolled: count, completedTraining: count, activeSellers: count }),
  products: z.object({ listed: count }),
  orders: z.object({ placed: count, paid: count, delivered: count, cancelled: count, refunded: count }),
  revenueIdr: count,
  refundedIdr: count,
  // Credited less reversed in the range: a reversal of an earlier range's credit takes it below 0.
  participantEarningsIdr: z.int(),
  payoutsIdr: count,
  wasteRecycledGrams: count,
  // participants: distinct participants mentored in the range, as activeSellers counts sellers
  mentoring: z.object({ sessions: count, participants: count }),
  // started counts every kind; ended counts PlacementEnded in the range, whenever the placement started
  placements: z.object({ started: count, internship: count, job: count, ownBusiness: count, ended: count }),
  // done counts FollowUpRecorded in the range; working those that found the participant employed or self-employed
  followUps: z.object({ done: count, working: count }),
});
export type GroupReport = z.infer<typeof GroupReportSchema>;
