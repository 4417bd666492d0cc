import { describe, expect, it } from 'vitest';
import { addDays, addMonths, utcDate } from '#shared/kernel/calendar';

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 3, '2026-04-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-10-15', 12, '2027-10-15'],
    ['2026-12-31', 3, '2027-03-31'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2026-12-03', -24, '2024-12-03'],
    ['2028-02-29', -24, '2026-02-28'],
    ['2026-01-31', -2, '2025-11-30'],
  ])('%s %i months = %s (backwards, clamped too)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('addDays', () => {
  it('crosses months and years, both ways', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-03', -30)).toBe('2026-11-03');
  });
});

describe('utcDate', () => {
  it('is the UTC day of the instant', () => {
    expect(utcDate(new Date('2026-12-03T23:59:59.999Z'))).toBe('2026-12-03');
    expect(utcDate(new Date('2026-12-04T00:00:00.000Z'))).toBe('2026-12-04');
  });
});
