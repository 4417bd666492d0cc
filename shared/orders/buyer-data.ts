import type { Clock } from '#shared/kernel/clock';
import { sweepDue } from '#shared/kernel/store/due-sweep';
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

/**
 * Reduces every order due by now, until none is left or the invocation's deadline comes near. Each reduction is
 * conditional on the order still being due, so a repeated or overlapping run reduces nothing twice.
 */
export function reduceBuyerData(deps: BuyerDataDeps, pageSize = 25): Promise<{ done: number; finished: boolean }> {
  const until = deps.clock.now().toISOString();
  return sweepDue(
    (after) => deps.buyerData.due(until, pageSize, after),
    (due) => deps.buyerData.reduce(due),
  );
}
