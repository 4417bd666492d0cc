import type { PendingEvent } from '#shared/kernel/store/outbox';
import type { EarningEntry } from './schemas.ts';

/** What crediting needs of an order: its group, its status and what each item earned. */
export interface DeliveredOrder {
  id: string;
  groupId: string;
  status: string;
  items: readonly { productId: string; participantId: string; subtotalIdr: number }[];
}

/** Records of other contexts that earnings reads and never writes. */
export interface EarningsSources {
  /** The order as stored now (strongly consistent); undefined when there is none. */
  order(orderId: string): Promise<DeliveredOrder | undefined>;
  /** The group's participantSharePercent; undefined when the group does not exist. */
  sharePercentOf(groupId: string): Promise<number | undefined>;
  /** The participant's group, for the visibility check; undefined when there is no such participant. */
  groupOf(participantId: string): Promise<string | undefined>;
}

/** One participant's entry for one order item. */
export interface CreditedEntry extends EarningEntry {
  participantId: string;
  subtotalIdr: number;
}

/** Everything one crediting of an order writes, computed before anything is written. */
export interface OrderCredit {
  orderId: string;
  groupId: string;
  sharePercent: number;
  creditedAt: string;
  entries: readonly CreditedEntry[];
  /** per participant, the sum of their entries: added to their running total */
  participants: readonly { participantId: string; amountIdr: number }[];
  /** the group's share of the whole order, kept on the order's guard record */
  groupIdr: number;
  /** one EarningsCredited per participant */
  events: readonly PendingEvent[];
}

export type LedgerOutcome = 'credited' | 'already-credited' | 'not-delivered';

export interface EarningsLedger {
  /**
   * Writes the whole credit in one transaction, guarded by the order: 'already-credited' when the order
   * was credited before (or concurrently), 'not-delivered' when its status is no longer `delivered`;
   * either way nothing was written.
   */
  credit(credit: OrderCredit): Promise<LedgerOutcome>;
  /** Every entry of the participant (all pages). */
  entriesOf(participantId: string): Promise<EarningEntry[]>;
}
