import type { DuePage } from '#shared/kernel/store/due-sweep';
import type { Page, PageRequest } from '#shared/kernel/store/page-schemas';
import type { PendingEvent } from '#shared/kernel/store/outbox';
import type { Order, OrderStatus, SellerOrder } from './schemas.ts';

/** What an order needs to know of a product, read from the catalog at placement time. */
export interface OrderableProduct {
  id: string;
  participantId: string;
  groupId: string;
  title: string;
  priceIdr: number;
  stock: number;
  status: string;
}

export interface OrderCatalog {
  /** The products that exist among these ids (strongly consistent reads); unknown ids are simply missing. */
  products(productIds: readonly string[]): Promise<OrderableProduct[]>;
}

/** A buyer's Idempotency-Key, claimed in the same transaction as the order it produced. */
export interface IdempotencyClaim {
  buyerSub: string;
  key: string;
  /** sha-256 of the normalised body, so a retry with another body is recognised */
  bodyHash: string;
  /** epoch seconds; the table's TTL removes the record after it, and an expired record no longer counts */
  expiresAt: number;
}

export interface Placement {
  order: Order;
  claim: IdempotencyClaim;
  /** the products as read: the transaction requires each still listed at this price, with stock for its quantity */
  products: readonly OrderableProduct[];
  event: PendingEvent;
}

/** Whose whole orders a list shows. A participant's list is of seller views (`listForSeller`), never of orders. */
export type OrderScope = { kind: 'buyer'; buyerSub: string } | { kind: 'group'; groupId: string } | { kind: 'all' };

/** What a lifecycle step sets on an order: the new status, the fact it records, and when. */
export type OrderChanges = Pick<Order, 'status'> &
  Partial<Pick<Order, 'payment' | 'shipment' | 'deliveredAt' | 'cancellation' | 'returnRequest' | 'refund' | 'returnRefusal'>> & {
    updatedAt: string;
  };

export interface Transition {
  /** the order as read: its items name the seller rows to keep in step and, on cancellation, the stock to give back */
  order: Order;
  /** the statuses the order must still be in when the write happens */
  from: readonly OrderStatus[];
  changes: OrderChanges;
  /** the step's outbox rows, written with it: none (a refused return), one, or two (a paid order cancelled with its refund) */
  events: readonly PendingEvent[];
  /** give each line's quantity back to its product (cancellation, a refund with restock) */
  restock: boolean;
}

/** The order moved on meanwhile (another request won the race): nothing was written. */
export interface StatusChanged {
  outcome: 'status-changed';
  status: OrderStatus;
}

export interface OrderStore {
  /**
   * Writes the order, its key claim, the stock decrements and the OrderPlaced outbox row in one transaction.
   * 'key-taken' when the key was claimed already (by an earlier or a concurrent request); OutOfStockError when
   * stock ran short, ConflictError when a product changed since it was read. Either way nothing was written.
   */
  place(placement: Placement): Promise<'placed' | 'key-taken'>;
  /** The unexpired claim of this key, if any. */
  claimOf(buyerSub: string, key: string, nowSeconds: number): Promise<{ bodyHash: string; orderId: string } | undefined>;
  get(orderId: string): Promise<Order | undefined>;
  /**
   * One transaction: the order and every seller row get the changes, the events' outbox rows are written and,
   * with `restock`, each product gets its quantity back, all only if the order is still in one of `from`.
   */
  transition(transition: Transition): Promise<{ outcome: 'done'; order: Order } | StatusChanged>;
  /** The participant's seller row of the order: their view of it, read without reading the order itself. */
  getSellerView(orderId: string, participantId: string): Promise<SellerOrder | undefined>;
  /** Newest first. */
  list(scope: OrderScope, status: OrderStatus | undefined, page: PageRequest): Promise<Page<Order>>;
  /** The seller views of the orders with this participant's items, newest first. */
  listForSeller(participantId: string, status: OrderStatus | undefined, page: PageRequest): Promise<Page<SellerOrder>>;
}

/** An ended order waiting for the reduction of its buyer data, as the due partition lists it. */
export interface DueReduction {
  orderId: string;
  /** its sort key in the due partition: the reduction happens only while the order is still due at exactly this */
  dueSort: string;
  /** which free-text notes it holds, to remove them (an update cannot remove a path inside a map that is absent) */
  notes: readonly NotePath[];
}

/** Where an order keeps free text a person wrote; each is removed with the buyer data. */
export type NotePath = 'cancellation.note' | 'returnRequest.note' | 'returnRefusal.note';

export interface BuyerDataStore {
  /** Orders due up to `until`, oldest first, a page at a time; `after` is the previous page's `next`. */
  due(until: string, limit: number, after?: unknown): Promise<DuePage<DueReduction>>;
  /** Shipping reduced to its city, notes removed and the due keys with them, if still due: false if it was not. */
  reduce(due: DueReduction): Promise<boolean>;
}

export interface PaymentExpiryStore {
  /** The ids of placed orders whose payBy is up to `until`, oldest first, a page at a time. */
  due(until: string, limit: number, after?: unknown): Promise<DuePage<string>>;
}
