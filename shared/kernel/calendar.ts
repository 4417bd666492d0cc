/**
 * Calendar arithmetic on `YYYY-MM-DD` dates (UTC days), pure: follow-ups fall due whole calendar months after a
 * completion, and a completion may be dated up to two years back.
 */

const daysInMonth = (year: number, monthIndex: number) => new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();

const format = (year: number, monthIndex: number, day: number) => new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);

function parts(date: string): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return [year, month - 1, day];
}

/**
 * The same day `months` calendar months later (or earlier, when negative), clamped to the last day of a shorter
 * month: 30 Nov + 3 = 28 Feb (29 Feb in a leap year), 31 Aug + 6 = 28/29 Feb, 31 Mar + 1 = 30 Apr.
 */
export function addMonths(date: string, months: number): string {
  const [year, monthIndex, day] = parts(date);
  const target = monthIndex + months;
  const targetYear = year + Math.floor(target / 12);
  const targetMonth = ((target % 12) + 12) % 12;
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** The date `days` days later (earlier when negative). */
export function addDays(date: string, days: number): string {
  const [year, monthIndex, day] = parts(date);
  return format(year, monthIndex, day + days);
}

/** The UTC date of an instant. */
export const utcDate = (at: Date) => at.toISOString().slice(0, 10);
