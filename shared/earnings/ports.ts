import type { PendingEvent } from '#shared/kernel/store/outbox';
import type { Page, PageRequest } from '#shared/kernel/store/page-schemas';
import type { Payout } from './schemas.ts';

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

/** One participant's share of one order item, as credited (positive) or reversed (negative). */
export interface ItemShare {
  participantId: string;
  productId: string;
  amountIdr: number;
}

/** One line of a participant's ledger, as stored: credits positive, reversals and payouts negative. */
export interface LedgerLine {
  kind: 'credit' | 'reversal' | 'payout';
  participantId: string;
  /** the date it counts on: a credit's or reversal's UTC day, a payout's paidOn */
  date: string;
  /** when it was written */
  at: string;
  amountIdr: number;
  orderId?: string;
  productId?: string;
  payoutId?: string;
}

/** Per participant, what one write adds to their running sums (all ≥ 0; available moves by credited − reversed − paid out). */
export interface BalanceChange {
  participantId: string;
  /** the month (`yyyy-mm`) whose net the change counts into */
  month: string;
  creditedIdr: number;
  reversedIdr: number;
  paidOutIdr: number;
}

/** Taking back what an order credited, computed before anything is written. */
export interface OrderReversal {
  orderId: string;
  groupId: string;
  reversedAt: string;
  /** one negative line per credited item; none when nothing was credited */
  lines: readonly LedgerLine[];
  changes: readonly BalanceChange[];
  /** one EarningsReversed per participant */
  events: readonly PendingEvent[];
}

/** Everything one crediting of an order writes, computed before anything is written. */
export interface OrderCredit {
  orderId: string;
  groupId: string;
  sharePercent: number;
  creditedAt: string;
  /** what each item earned, kept on the order's credit record so a reversal takes back exactly that */
  shares: readonly ItemShare[];
  lines: readonly LedgerLine[];
  changes: readonly BalanceChange[];
  /** the group's share of the whole order, kept on the order's credit record */
  groupIdr: number;
  /** one EarningsCredited per participant */
  events: readonly PendingEvent[];
  /** written with the credit, in its transaction, when the order's earnings were reversed before they were credited */
  reversal: OrderReversal;
}

/** The order's credit record: what was credited, item by item. */
export interface CreditRecord {
  orderId: string;
  groupId: string;
  shares: readonly ItemShare[];
}

export type CreditOutcome = 'credited' | 'credited-and-reversed' | 'already-credited' | 'not-delivered';
export type ReversalOutcome = 'reversed' | 'nothing-credited' | 'already-reversed' | 'raced';

/** A participant's running sums and each month's net (for opening balances without reading all history). */
export interface Balance {
  creditedIdr: number;
  reversedIdr: number;
  paidOutIdr: number;
  /** credited − reversed − paid out; below 0 only when a reversal came after a payout */
  availableIdr: number;
  monthNetIdr: Record<string, number>;
}

export interface EarningsLedger {
  /**
   * Writes the whole credit in one transaction, guarded by the order: when the order's earnings were reversed
   * first, the credit and its reversal together ('credited-and-reversed'). 'already-credited' when the order was
   * credited before (or concurrently), 'not-delivered' when it is no longer a delivered order; then nothing was written.
   */
  credit(credit: OrderCredit): Promise<CreditOutcome>;
  /** The order's credit record (strongly consistent); undefined while it is not credited. */
  creditOf(orderId: string): Promise<CreditRecord | undefined>;
  /**
   * Marks the order reversed and writes the reversal, once. `credited` is what the caller read: the transaction
   * checks it still holds, and answers 'raced' (nothing written) when a credit came or went in between.
   */
  reverse(reversal: OrderReversal, credited: boolean): Promise<ReversalOutcome>;
  /** Every line of the participant (all pages), or those dated within an inclusive range, oldest first. */
  linesOf(participantId: string, range?: { from: string; to: string }): Promise<LedgerLine[]>;
  /** Strongly consistent; undefined before the participant's first line. */
  balanceOf(participantId: string): Promise<Balance | undefined>;
}

/** A facilitator's Idempotency-Key for payouts, claimed in the payout's own transaction. */
export interface PayoutClaim {
  sub: string;
  key: string;
  bodyHash: string;
  /** epoch seconds; the table's TTL removes the claim after it */
  expiresAt: number;
}

export type PayoutOutcome = 'recorded' | 'key-taken' | 'insufficient-balance';

export interface PayoutStore {
  /**
   * One transaction: the claim, the payout, its ledger line, the balance (only if it still covers the amount) and
   * PayoutRecorded. 'key-taken' when the key was claimed first; 'insufficient-balance' when the balance no longer
   * covers it; either way nothing was written.
   */
  record(input: {
    payout: Payout;
    claim: PayoutClaim;
    line: LedgerLine;
    change: BalanceChange;
    event: PendingEvent;
  }): Promise<PayoutOutcome>;
  /** The payout a live key produced (strongly consistent), with the hash of the body it came with. */
  claimOf(sub: string, key: string, nowSeconds: number): Promise<{ bodyHash: string; participantId: string; payoutId: string } | undefined>;
  get(participantId: string, payoutId: string): Promise<Payout | undefined>;
  /** Newest first. */
  list(participantId: string, page: PageRequest): Promise<Page<Payout>>;
  /** Every payout of the participant, newest first (for their export). */
  allOf(participantId: string): Promise<Payout[]>;
}
