import { describe, expect, it } from 'vitest';
import { currentMonth, maxSpanDays, planBuckets, resolveRange, spanDays } from '#shared/reports/date-range';

describe('planBuckets', () => {
  it.each([
    {
      name: 'a whole month is its month bucket',
      range: { from: '2026-11-01', to: '2026-11-30' },
      plan: { days: [], months: { from: '2026-11', to: '2026-11' } },
    },
    {
      name: 'part of one month is its days',
      range: { from: '2026-11-03', to: '2026-11-17' },
      plan: { days: [{ from: '2026-11-03', to: '2026-11-17' }] },
    },
    {
      name: 'one day is one day bucket',
      range: { from: '2026-11-28', to: '2026-11-28' },
      plan: { days: [{ from: '2026-11-28', to: '2026-11-28' }] },
    },
    {
      name: 'two partial months with no whole month between are one run of days across the month end',
      range: { from: '2026-10-20', to: '2026-11-10' },
      plan: { days: [{ from: '2026-10-20', to: '2026-11-10' }] },
    },
    {
      name: 'a calendar year is twelve month buckets',
      range: { from: '2025-01-01', to: '2025-12-31' },
      plan: { days: [], months: { from: '2025-01', to: '2025-12' } },
    },
    {
      name: 'a year from mid-month: the partial edges by day, the months between whole',
      range: { from: '2025-11-28', to: '2026-11-27' },
      plan: {
        days: [
          { from: '2025-11-28', to: '2025-11-30' },
          { from: '2026-11-01', to: '2026-11-27' },
        ],
        months: { from: '2025-12', to: '2026-10' },
      },
    },
    {
      name: 'February of a leap year ends on the 29th',
      range: { from: '2024-02-01', to: '2024-02-29' },
      plan: { days: [], months: { from: '2024-02', to: '2024-02' } },
    },
    {
      name: 'February 28th of a leap year is not its end',
      range: { from: '2024-02-01', to: '2024-02-28' },
      plan: { days: [{ from: '2024-02-01', to: '2024-02-28' }] },
    },
    {
      name: 'February of a common year ends on the 28th; 2100 is not a leap year',
      range: { from: '2100-01-15', to: '2100-02-28' },
      plan: { days: [{ from: '2100-01-15', to: '2100-01-31' }], months: { from: '2100-02', to: '2100-02' } },
    },
    {
      name: '2000 is a leap year (divisible by 400)',
      range: { from: '2000-02-10', to: '2000-03-31' },
      plan: { days: [{ from: '2000-02-10', to: '2000-02-29' }], months: { from: '2000-03', to: '2000-03' } },
    },
    {
      name: 'months ending on the 30th and 31st, across the year end',
      range: { from: '2026-04-30', to: '2027-01-01' },
      plan: {
        days: [
          { from: '2026-04-30', to: '2026-04-30' },
          { from: '2027-01-01', to: '2027-01-01' },
        ],
        months: { from: '2026-05', to: '2026-12' },
      },
    },
  ])('$name', ({ range, plan }) => {
    // Prepare
    const expected = plan;

    // Act
    const actual = planBuckets(range);

    // Assert
    expect(actual).toEqual(expected);
  });
});

describe('resolveRange', () => {
  const now = new Date('2024-02-10T23:59:59.000Z');

  it('defaults to the current UTC month', () => {
    expect(resolveRange({}, now)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(currentMonth(new Date('2026-12-31T23:59:59.999Z'))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('defaults each missing edge on its own', () => {
    expect(resolveRange({ from: '2024-01-15' }, now)).toEqual({ from: '2024-01-15', to: '2024-02-29' });
    expect(resolveRange({ to: '2024-02-05' }, now)).toEqual({ from: '2024-02-01', to: '2024-02-05' });
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => resolveRange({ from: '2024-03-02', to: '2024-03-01' }, now)).toThrow(
      expect.objectContaining({ kind: 'invalid-input', errors: [{ path: 'query.to', message: 'Must not be before from' }] }),
    );
  });

  it('allows the maximum span and refuses a day more', () => {
    const longest = { from: '2020-01-01', to: '2024-12-31' };

    expect(spanDays(longest)).toBe(maxSpanDays);
    expect(resolveRange(longest, now)).toEqual(longest);
    expect(() => resolveRange({ from: '2019-12-31', to: '2024-12-31' }, now)).toThrow(expect.objectContaining({ kind: 'invalid-input' }));
  });
});
