import { addDays, addMonths } from '#shared/kernel/calendar';
import type { FollowUpDue } from './schemas.ts';

/** A completed training falls due for a follow-up this many calendar months after its completion. */
export const followUpMonths = [3, 6, 12] as const;
export type FollowUpMonths = (typeof followUpMonths)[number];

/** How far ahead a follow-up counts as due, and how long past its day it may go before it is overdue. */
export const dueAheadDays = 14;
export const overdueAfterDays = 30;

/** The completion's UTC day + N calendar months, clamped to the month's end (30 Nov + 3 = 28 or 29 Feb). */
export const followUpDueOn = (completedAt: string, monthsAfter: number) => addMonths(completedAt.slice(0, 10), monthsAfter);

/** `due` lists what falls due up to this day, inclusive. */
export const dueUntil = (today: string) => addDays(today, dueAheadDays);
/** `overdue` lists what fell due before this day: more than 30 days ago. */
export const overdueBefore = (today: string) => addDays(today, -overdueAfterDays);

/** A slot's own state: done once recorded, overdue more than 30 days past its day, else due (once listed as due). */
export function followUpStatus(dueOn: string, recorded: boolean, today: string): FollowUpDue['status'] {
  if (recorded) return 'done';
  return dueOn < overdueBefore(today) ? 'overdue' : 'due';
}
