import type { Bucket, Counters } from '#shared/reports/figures';
import type { DeliveredOrder, ReportDelta, ReportSources, ReportStore } from '#shared/reports/ports';

interface FakeBucket {
  counters: Partial<Counters>;
  sellers: Set<string>;
  mentees: Set<string>;
}

/** An in-memory report store with the adapter's semantics: day and month buckets, one guard per eventId. */
export function fakeReportStore(groups: readonly string[] = []) {
  const guards = new Set<string>();
  const buckets = new Map<string, FakeBucket>();
  const plans: unknown[] = [];
  const add = (key: string, delta: ReportDelta) => {
    const bucket = buckets.get(key) ?? { counters: {}, sellers: new Set<string>(), mentees: new Set<string>() };
    for (const [name, value] of Object.entries(delta.counters) as [keyof Counters, number][]) {
      bucket.counters[name] = (bucket.counters[name] ?? 0) + value;
    }
    for (const seller of delta.sellers) bucket.sellers.add(seller);
    for (const mentee of delta.mentees ?? []) bucket.mentees.add(mentee);
    buckets.set(key, bucket);
  };
  const store: ReportStore = {
    async apply(eventId, delta) {
      if (guards.has(eventId)) return 'duplicate';
      guards.add(eventId);
      add(`${delta.groupId}|DAY#${delta.day}`, delta);
      add(`${delta.groupId}|MONTH#${delta.day.slice(0, 7)}`, delta);
      return 'applied';
    },
    async buckets(groupId, plan) {
      plans.push(plan);
      const within = (kind: string, from: string, to: string) =>
        [...buckets].filter(([key]) => {
          const [group, sk = ''] = key.split('|');
          return group === groupId && sk >= `${kind}#${from}` && sk <= `${kind}#${to}`;
        });
      const found = [
        ...plan.days.flatMap(({ from, to }) => within('DAY', from, to)),
        ...(plan.months ? within('MONTH', plan.months.from, plan.months.to) : []),
      ];
      return {
        groupExists: groups.includes(groupId),
        buckets: found.map(([, bucket]): Bucket => ({
          counters: { ...bucket.counters },
          sellers: new Set(bucket.sellers),
          mentees: new Set(bucket.mentees),
        })),
      };
    },
  };
  return { store, buckets, plans };
}

export function fakeReportSources(
  records: {
    participants?: Record<string, string>;
    orders?: Record<string, DeliveredOrder>;
    productGrams?: Record<string, number>;
    /** by `<prt>#<enr>#<months>`: the recorded follow-up's `working` */
    followUps?: Record<string, string>;
  } = {},
): ReportSources {
  return {
    participantGroup: async (participantId) => records.participants?.[participantId],
    order: async (orderId) => records.orders?.[orderId],
    productGrams: async (productIds) =>
      new Map(productIds.flatMap((id) => (records.productGrams?.[id] === undefined ? [] : [[id, records.productGrams[id]] as const]))),
    followUpWorking: async (participantId, enrollmentId, monthsAfter) => {
      const working = records.followUps?.[`${participantId}#${enrollmentId}#${monthsAfter}`];
      return working === undefined ? undefined : working === 'employed' || working === 'self_employed';
    },
  };
}
