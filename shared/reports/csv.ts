import { csvText } from '#shared/kernel/csv';
import type { GroupReport } from './schemas.ts';

/**
 * The CSV columns: the JSON report's fields, nested ones by their dotted path. Figures added later come last, so
 * a spreadsheet that reads the earlier columns by position still reads them.
 */
export const csvColumns = [
  'groupId',
  'from',
  'to',
  'participants.registered',
  'participants.enrolled',
  'participants.completedTraining',
  'participants.activeSellers',
  'products.listed',
  'orders.placed',
  'orders.paid',
  'orders.delivered',
  'orders.cancelled',
  'revenueIdr',
  'participantEarningsIdr',
  'wasteRecycledGrams',
  'orders.refunded',
  'refundedIdr',
  'payoutsIdr',
  'mentoring.sessions',
  'mentoring.participants',
  'placements.started',
  'placements.internship',
  'placements.job',
  'placements.ownBusiness',
  'placements.ended',
  'followUps.done',
  'followUps.working',
] as const;

function valueAt(report: GroupReport, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], report);
}

/** A header row and one data row. */
export function reportCsv(report: GroupReport): string {
  return csvText([csvColumns, csvColumns.map((column) => valueAt(report, column))]);
}
