import { InvalidInputError } from '#shared/kernel/errors';

/**
 * Report dates are UTC calendar dates `YYYY-MM-DD` (the contract's times are UTC), months `YYYY-MM`.
 * Strings of this shape sort as they count, which is what the bucket sort keys rely on.
 */
export interface DateRange {
  from: string;
  to: string;
}

/** Which buckets sum to a range: day buckets for the partial months at its edges, month buckets for the whole months. */
export interface BucketPlan {
  /** inclusive ranges of day buckets, at most two (the leading and the trailing partial month) */
  days: DateRange[];
  /** an inclusive range of month buckets, when the range holds a whole month */
  months?: { from: string; to: string };
}

/** Five years, leap days included: a bounded number of buckets for any request. */
export const maxSpanDays = 5 * 365 + 2;

const dayMs = 24 * 60 * 60 * 1000;

const toTime = (date: string) => Date.parse(`${date}T00:00:00.000Z`);
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);
const monthOf = (date: string) => date.slice(0, 7);
const firstDayOf = (month: string) => `${month}-01`;

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][monthNumber - 1];
  return `${month}-${days}`;
}

function addMonths(month: string, count: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + count;
  // Month keys sort as text: a five-digit year would sort before every real month and sum all of them.
  if (index < 0 || index >= 10_000 * 12) throw new RangeError(`Month ${month} + ${count} has no four-digit year`);
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The current UTC month, for a request that names no dates. */
export function currentMonth(now: Date): DateRange {
  const month = toDate(now.getTime()).slice(0, 7);
  return { from: firstDayOf(month), to: lastDayOf(month) };
}

/** `from`/`to` as asked, each defaulting to the current month's edge; 400 when reversed or longer than the maximum span. */
export function resolveRange(query: { from?: string | undefined; to?: string | undefined }, now: Date): DateRange {
  const month = currentMonth(now);
  const range = { from: query.from ?? month.from, to: query.to ?? month.to };
  if (range.from > range.to) {
    throw new InvalidInputError('The range ends before it starts', [{ path: 'query.to', message: 'Must not be before from' }]);
  }
  if (spanDays(range) > maxSpanDays) {
    throw new InvalidInputError(`A report covers at most ${maxSpanDays} days`, [
      { path: 'query.to', message: `Must be at most ${maxSpanDays} days from from, inclusive` },
    ]);
  }
  return range;
}

/** Days in an inclusive range. */
export function spanDays({ from, to }: DateRange): number {
  return Math.round((toTime(to) - toTime(from)) / dayMs) + 1;
}

/** The fewest buckets that sum to the range: whole months by their month bucket, the rest day by day. */
export function planBuckets({ from, to }: DateRange): BucketPlan {
  const startsOnMonth = from === firstDayOf(monthOf(from));
  const endsOnMonth = to === lastDayOf(monthOf(to));
  const firstWhole = startsOnMonth ? monthOf(from) : addMonths(monthOf(from), 1);
  const lastWhole = endsOnMonth ? monthOf(to) : addMonths(monthOf(to), -1);
  if (firstWhole > lastWhole) return { days: [{ from, to }] };
  const days: DateRange[] = [];
  if (!startsOnMonth) days.push({ from, to: lastDayOf(monthOf(from)) });
  if (!endsOnMonth) days.push({ from: firstDayOf(monthOf(to)), to });
  return { days, months: { from: firstWhole, to: lastWhole } };
}
