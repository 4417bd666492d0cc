import * as z from '#shared/kernel/validation';

const first = '2000-01-01';
const last = '2999-12-31';

/**
 * A `YYYY-MM-DD` date a range of the platform's records can start or end on: years 2000–2999 (CONTRACT §3). Keys
 * hold four-digit years and sort as text, so a year past 9999 would sort before every real date; nothing here
 * happened before 2000.
 */
export const CalendarDateSchema = z.iso
  .date()
  .check(z.refine((date) => date >= first && date <= last, `Must be a date from ${first} to ${last}`));
