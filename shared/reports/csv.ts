import type { GroupReport } from './schemas.ts';

export const csvContentType = 'text/csv; charset=utf-8';

/** The CSV columns: the JSON report's fields, nested ones by their dotted path. */
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
] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function field(value: unknown): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function valueAt(report: GroupReport, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], report);
}

/** A header row and one data row, CRLF-terminated (RFC 4180), for spreadsheets. */
export function reportCsv(report: GroupReport): string {
  const rows = [csvColumns.map(field), csvColumns.map((column) => field(valueAt(report, column)))];
  return rows.map((row) => `${row.join(',')}\r\n`).join('');
}
