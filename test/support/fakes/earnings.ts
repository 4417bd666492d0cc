import type { DeliveredOrder, EarningsLedger, EarningsSources, OrderCredit } from '#shared/earnings/ports';
import type { EarningEntry } from '#shared/earnings/schemas';

/** In-memory earnings ports that keep the ledger's promise: one credit per order, all of it or none. */
export function fakeEarnings(initial: {
  orders?: DeliveredOrder[];
  groups?: Record<string, number>;
  participants?: Record<string, string>;
}) {
  const orders = new Map((initial.orders ?? []).map((order) => [order.id, order]));
  const groups = new Map(Object.entries(initial.groups ?? {}));
  const participants = new Map(Object.entries(initial.participants ?? {}));
  const credits = new Map<string, OrderCredit>();
  const entries = new Map<string, (EarningEntry & { participantId: string })[]>();

  const sources: EarningsSources = {
    order: async (orderId) => orders.get(orderId),
    sharePercentOf: async (groupId) => groups.get(groupId),
    groupOf: async (participantId) => participants.get(participantId),
  };

  const ledger: EarningsLedger = {
    async credit(credit) {
      if (credits.has(credit.orderId)) return 'already-credited';
      if (orders.get(credit.orderId)?.status !== 'delivered') return 'not-delivered';
      credits.set(credit.orderId, credit);
      for (const entry of credit.entries) entries.set(entry.participantId, [...(entries.get(entry.participantId) ?? []), entry]);
      return 'credited';
    },
    entriesOf: async (participantId) =>
      (entries.get(participantId) ?? []).map(({ orderId, productId, amountIdr, creditedAt }) => ({
        orderId,
        productId,
        amountIdr,
        creditedAt,
      })),
  };

  return { sources, ledger, orders, credits };
}
