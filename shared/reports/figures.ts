/** The summable figures of a report, as each day and month bucket keeps them (attribute names in the table). */
export const counterNames = [
  'registered',
  'enrolled',
  'completedTraining',
  'listed',
  'placed',
  'paid',
  'delivered',
  'cancelled',
  'refunded',
  'revenueIdr',
  'refundedIdr',
  /** credited less reversed: a reversal subtracts, so a bucket's net can be below 0 */
  'participantEarningsIdr',
  'payoutsIdr',
  'wasteRecycledGrams',
  'mentoringSessions',
  /** every PlacementStarted, and each by its kind below */
  'placementsStarted',
  'internships',
  'jobs',
  'ownBusinesses',
  'placementsEnded',
  /** every FollowUpRecorded, and those where the participant was employed or self-employed */
  'followUpsDone',
  'followUpsWorking',
] as const;

export type CounterName = (typeof counterNames)[number];
export type Counters = Record<CounterName, number>;

/**
 * What one bucket holds: its counters, the participants with an item in an order delivered in it, and the
 * participants mentored in it.
 */
export interface Bucket {
  counters: Partial<Counters>;
  sellers: ReadonlySet<string>;
  mentees: ReadonlySet<string>;
}

/**
 * The figures of a range: the buckets' counters summed, their sellers and mentees united (one participant counts
 * once, however many buckets name them).
 */
export function sumBuckets(buckets: readonly Bucket[]): { counters: Counters; activeSellers: number; mentored: number } {
  const counters = Object.fromEntries(counterNames.map((name) => [name, 0])) as Counters;
  const sellers = new Set<string>();
  const mentees = new Set<string>();
  for (const bucket of buckets) {
    for (const name of counterNames) counters[name] += bucket.counters[name] ?? 0;
    for (const seller of bucket.sellers) sellers.add(seller);
    for (const mentee of bucket.mentees) mentees.add(mentee);
  }
  return { counters, activeSellers: sellers.size, mentored: mentees.size };
}
