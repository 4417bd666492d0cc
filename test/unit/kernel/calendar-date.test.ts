import { describe, expect, it } from 'vitest';
import { CalendarDateSchema } from '#shared/kernel/calendar-date';
import * as z from '#shared/kernel/validation';

describe('a calendar date', () => {
  it.each(['2000-01-01', '2026-12-02', '2999-12-31'])('takes %s', (date) => {
    expect(z.safeParse(CalendarDateSchema, date).success).toBe(true);
  });

  it.each(['1999-12-31', '3000-01-01', '9999-12-02', '2025-02-29', '2026-13-01'])('refuses %s', (date) => {
    expect(z.safeParse(CalendarDateSchema, date).success).toBe(false);
  });
});
