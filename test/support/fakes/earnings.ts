import { deliveredStatuses } from '#shared/earnings/earnings';
import type {
  Balance,
  BalanceChange,
  DeliveredOrder,
  EarningsLedger,
  EarningsSources,
  LedgerLine,
  OrderCredit,
  PayoutStore,
} from '#shared/earnings/ports';
import type { Payout } from '#shared/earnings/schemas';

/** In-memory earnings ports that keep the ledger's promises: one credit and one reversal per order, all of each or none. */
export function fakeEarnings(initial: {
  orders?: DeliveredOrder[];
  groups?: Record<string, number>;
  participants?: Record<string, string>;
}) {
  const orders = new Map((initial.orders ?? []).map((order) => [order.id, order]));
  const groups = new Map(Object.entries(initial.groups ?? {}));
  const participants = new Map(Object.entries(initial.participants ?? {}));
  const credits = new Map<string, OrderCredit>();
  const reversed = new Set<string>();
  const lines: LedgerLine[] = [];
  const balances = new Map<string, Balance>();
  const events: { detailType: string; data: unknown }[] = [];

  const apply = (change: BalanceChange) => {
    const now = balances.get(change.participantId) ?? { creditedIdr: 0, reversedIdr: 0, paidOutIdr: 0, availableIdr: 0, monthNetIdr: {} };
    const net = change.creditedIdr - change.reversedIdr - change.paidOutIdr;
    balances.set(change.participantId, {
      creditedIdr: now.creditedIdr + change.creditedIdr,
      reversedIdr: now.reversedIdr + change.reversedIdr,
      paidOutIdr: now.paidOutIdr + change.paidOutIdr,
      availableIdr: now.availableIdr + net,
      monthNetIdr: { ...now.monthNetIdr, [change.month]: (now.monthNetIdr[change.month] ?? 0) + net },
    });
  };
  const publish = (pending: readonly { contract: { detailType: string }; data: unknown }[]) =>
    events.push(...pending.map(({ contract, data }) => ({ detailType: contract.detailType, data })));

  const sources: EarningsSources = {
    order: async (orderId) => orders.get(orderId),
    sharePercentOf: async (groupId) => groups.get(groupId),
    groupOf: async (participantId) => participants.get(participantId),
  };

  const ledger: EarningsLedger = {
    async credit(credit) {
      if (credits.has(credit.orderId)) return 'already-credited';
      if (!(deliveredStatuses as readonly string[]).includes(orders.get(credit.orderId)?.status ?? '')) return 'not-delivered';
      credits.set(credit.orderId, credit);
      lines.push(...credit.lines);
      credit.changes.forEach(apply);
      publish(credit.events);
      if (!reversed.has(credit.orderId)) return 'credited';
      lines.push(...credit.reversal.lines);
      credit.reversal.changes.forEach(apply);
      publish(credit.reversal.events);
      return 'credited-and-reversed';
    },
    async creditOf(orderId) {
      const credit = credits.get(orderId);
      return credit && { orderId, groupId: credit.groupId, shares: [...credit.shares] };
    },
    async reverse(reversal, credited) {
      if (reversed.has(reversal.orderId)) return 'already-reversed';
      if (credits.has(reversal.orderId) !== credited) return 'raced';
      reversed.add(reversal.orderId);
      lines.push(...reversal.lines);
      reversal.changes.forEach(apply);
      publish(reversal.events);
      return credited ? 'reversed' : 'nothing-credited';
    },
    async linesOf(participantId, range) {
      return lines
        .filter((line) => line.participantId === participantId && (!range || (line.date >= range.from && line.date <= range.to)))
        .sort((a, b) => a.date.localeCompare(b.date) || a.at.localeCompare(b.at));
    },
    balanceOf: async (participantId) => balances.get(participantId),
  };

  const payoutRecords = new Map<string, Payout>();
  const claims = new Map<string, { bodyHash: string; participantId: string; payoutId: string; expiresAt: number }>();
  const payouts: PayoutStore = {
    async record({ payout, claim, line, change, event }) {
      const key = `${claim.sub}\u0000${claim.key}`;
      const taken = claims.get(key);
      if (taken && taken.expiresAt >= Date.parse(payout.createdAt) / 1000) return 'key-taken';
      if ((balances.get(payout.participantId)?.availableIdr ?? 0) < payout.amountIdr) return 'insufficient-balance';
      claims.set(key, { bodyHash: claim.bodyHash, participantId: payout.participantId, payoutId: payout.id, expiresAt: claim.expiresAt });
      payoutRecords.set(payout.id, payout);
      lines.push(line);
      apply(change);
      publish([event]);
      return 'recorded';
    },
    async claimOf(sub, key, nowSeconds) {
      const claim = claims.get(`${sub}\u0000${key}`);
      return claim && claim.expiresAt >= nowSeconds
        ? { bodyHash: claim.bodyHash, participantId: claim.participantId, payoutId: claim.payoutId }
        : undefined;
    },
    get: async (participantId, payoutId) => {
      const payout = payoutRecords.get(payoutId);
      return payout?.participantId === participantId ? payout : undefined;
    },
    list: async (participantId, page) => ({ items: (await payouts.allOf(participantId)).slice(0, page.limit), nextCursor: null }),
    allOf: async (participantId) =>
      [...payoutRecords.values()].filter((payout) => payout.participantId === participantId).sort((a, b) => b.id.localeCompare(a.id)),
  };

  return { sources, ledger, payouts, orders, credits, lines, balances, events };
}
