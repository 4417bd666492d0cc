import type { Clock } from '#shared/kernel/clock';
import { fitsBeforeDeadline } from '#shared/kernel/deadline';
import type { BuyerDataStore, OrderChanges } from './ports.ts';
import { type OrderStatus, orderEndingStatuses } from './schemas.ts';

/** How long after an order ends its buyer's name, phone, address and notes are kept (CONTRACT §3 Orders). */
export const buyerDataRetentionDays = 90;

const dayMs = 24 * 60 * 60 * 1000;

/** When a step's changes end the order, the time its buyer data falls due for reduction; otherwise undefined. */
export function reductionDueAt(changes: Pick<OrderChanges, 'status' | 'updatedAt'>): string | undefined {
  if (!(orderEndingStatuses as readonly OrderStatus[]).includes(changes.status)) return undefined;
  return new Date(Date.parse(changes.updatedAt) + buyerDataRetentionDays * dayMs).toISOString();
}

export interface BuyerDataDeps {
  buyerData: BuyerDataStore;
  clock: Clock;
}

/** A page's updates run at once; a stalled table makes each give up after about 3 s, so a page needs that much time. */
const pageBudgetMs = 3_500;

/**
 * Reduces every order due by now, a page at a time, until none is left or the invocation's deadline comes near:
 * what is left waits for the next scheduled run. Each reduction is conditional on the order still being due, so a
 * repeated or overlapping run reduces nothing twice.
 */
export async function reduceBuyerData(deps: BuyerDataDeps, pageSize = 25): Promise<{ reduced: number; finished: boolean }> {
  const until = deps.clock.now().toISOString();
  let reduced = 0;
  let after: unknown;
  do {
    if (!fitsBeforeDeadline(pageBudgetMs)) return { reduced, finished: false };
    const page = await deps.buyerData.due(until, pageSize, after);
    const outcomes = await Promise.all(page.items.map((due) => deps.buyerData.reduce(due)));
    reduced += outcomes.filter(Boolean).length;
    after = page.next;
  } while (after !== undefined);
  return { reduced, finished: true };
}
