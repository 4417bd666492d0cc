import { createHash } from 'node:crypto';
import { OrderPlaced } from '#events/order-placed';
import { type Caller, hasRole, isFacilitatorOf } from '#shared/kernel/auth/caller';
import type { Clock } from '#shared/kernel/clock';
import { MetricName } from '#shared/kernel/observability/metric-names';
import type { Counter } from '#shared/kernel/observability/metrics';
import { BusinessRuleError, ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import { pendingEvent } from '#shared/kernel/store/outbox';
import type { Page } from '#shared/kernel/store/page-schemas';
import * as z from '#shared/kernel/validation';
import { OutOfStockError } from './out-of-stock.ts';
import { payByOf } from './payment-window.ts';
import type { OrderableProduct, OrderCatalog, OrderScope, OrderStore } from './ports.ts';
import { IdempotencyKeySchema, type ListOrdersQuery, type Order, type OrderView, type PlaceOrder } from './schemas.ts';

export interface OrdersDeps {
  orders: OrderStore;
  catalog: OrderCatalog;
  clock: Clock;
  counter: Counter;
  /** ORDER_PAYMENT_WINDOW_SECONDS, or its default */
  paymentWindowSeconds: number;
}

/** How long a key keeps answering with its order (and refusing another body). */
export const idempotencyWindowSeconds = 24 * 60 * 60;

function idempotencyKey(raw: string | undefined): string {
  const parsed = z.safeParse(IdempotencyKeySchema, raw);
  if (!parsed.success)
    throw new InvalidInputError('Send an Idempotency-Key header', [
      { path: 'headers.idempotency-key', message: 'Required: 1 to 255 characters, the same on every retry' },
    ]);
  return parsed.data;
}

/** JSON with object keys sorted, so the same body hashes alike however its fields were ordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The body after validation (phone in E.164, text trimmed): `0812…` and `+62812…` are the same request. */
export const bodyHash = (input: PlaceOrder) => createHash('sha256').update(canonical(input)).digest('base64url');

/** The order a key produced, when the body is the same; another body under the key is a 422. */
async function replay(deps: OrdersDeps, claim: { bodyHash: string; orderId: string }, hash: string): Promise<Order> {
  if (claim.bodyHash !== hash) throw new BusinessRuleError('This Idempotency-Key was used for another order; send a new key');
  const order = await deps.orders.get(claim.orderId);
  if (!order) throw new ConflictError('The order for this Idempotency-Key is not readable yet; try again');
  return order;
}

function checkOrderable(input: PlaceOrder, found: OrderableProduct[]): OrderableProduct[] {
  const byId = new Map(found.map((product) => [product.id, product]));
  const products = input.items.map(({ productId }) => byId.get(productId));
  if (products.some((product) => product?.status !== 'listed')) throw new BusinessRuleError('Every product must exist and be listed');
  const listed = products as OrderableProduct[];
  if (new Set(listed.map((product) => product.groupId)).size !== 1)
    throw new BusinessRuleError("An order holds one group's products; place one order per group");
  input.items.forEach(({ quantity }, index) => {
    const product = listed[index] as OrderableProduct;
    // Decided from the read, with no transaction: under a crowd for one product, only buyers who may still get stock
    // queue for a TransactWriteItems, whose condition still guards the race between the read and the write.
    if (product.stock < quantity) throw new OutOfStockError(product.id, product.stock);
  });
  return listed;
}

/** OrderPlaced carries ids and figures only: never the shipping address or the buyer. */
export function orderPlacedEvent(order: Order) {
  return pendingEvent(
    OrderPlaced,
    {
      orderId: order.id,
      groupId: order.groupId,
      items: order.items.map(({ productId, participantId, quantity, unitPriceIdr }) => ({
        productId,
        participantId,
        quantity,
        unitPriceIdr,
      })),
      totalIdr: order.totalIdr,
    },
    order.createdAt,
  );
}

/** A crowd shows in two counts: orders placed, and placements refused for stock, whichever read or write found it short. */
export async function placeOrder(deps: OrdersDeps, caller: Caller, rawKey: string | undefined, input: PlaceOrder): Promise<Order> {
  return attemptPlacement(deps, caller, rawKey, input).catch((error: unknown) => {
    if (error instanceof OutOfStockError) deps.counter.increment(MetricName.soldOut);
    throw error;
  });
}

async function attemptPlacement(deps: OrdersDeps, caller: Caller, rawKey: string | undefined, input: PlaceOrder): Promise<Order> {
  if (!hasRole(caller, 'buyer')) throw new ForbiddenError('Only buyers place orders');
  const key = idempotencyKey(rawKey);
  const hash = bodyHash(input);
  const now = deps.clock.now();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  // Both reads at once: one round trip fewer for every placement. The key's answer comes first, though:
  // a retry gets its order even if the products have sold out or changed since.
  const [earlier, found] = await Promise.all([
    deps.orders.claimOf(caller.sub, key, nowSeconds),
    deps.catalog.products(input.items.map((item) => item.productId)),
  ]);
  if (earlier) return replay(deps, earlier, hash);

  const products = checkOrderable(input, found);
  const items = input.items.map(({ quantity }, index) => {
    // Prices and titles are the catalog's, never the client's.
    const { id: productId, participantId, title, priceIdr } = products[index] as OrderableProduct;
    return { productId, participantId, title, quantity, unitPriceIdr: priceIdr, subtotalIdr: priceIdr * quantity };
  });
  const createdAt = now.toISOString();
  const order: Order = {
    id: newId('ord'),
    buyerSub: caller.sub,
    groupId: (products[0] as OrderableProduct).groupId,
    status: 'placed',
    items,
    totalIdr: items.reduce((sum, item) => sum + item.subtotalIdr, 0),
    shipping: input.shipping,
    createdAt,
    payBy: payByOf(now, deps.paymentWindowSeconds),
  };
  const event = orderPlacedEvent(order);
  const outcome = await deps.orders.place({
    order,
    claim: { buyerSub: caller.sub, key, bodyHash: hash, expiresAt: nowSeconds + idempotencyWindowSeconds },
    products,
    event,
  });
  if (outcome === 'placed') {
    deps.counter.increment(MetricName.orderPlaced);
    return order;
  }
  // A concurrent request with the same key won the claim.
  const winner = await deps.orders.claimOf(caller.sub, key, nowSeconds);
  if (!winner) throw new ConflictError('A request with this Idempotency-Key is in progress; try again');
  return replay(deps, winner, hash);
}

/** Who sees the whole order: admins, its buyer and its group's facilitators (they ship it). */
const seesWhole = (caller: Caller, order: Order) =>
  hasRole(caller, 'admin') || caller.sub === order.buyerSub || isFacilitatorOf(caller, order.groupId);

/** Who may see an order at all: whoever sees it whole, and the participants with items in it (their part of it). */
export function canSee(caller: Caller, order: Order): boolean {
  return (
    seesWhole(caller, order) || (hasRole(caller, 'participant') && order.items.some((item) => item.participantId === caller.participantId))
  );
}

/**
 * The whole order to whoever may see it whole; to a participant selling in it, their seller row alone. A caller
 * who is only a participant never has the whole order read: they cannot be its buyer (only buyers place orders).
 */
export async function getOrder(deps: Pick<OrdersDeps, 'orders'>, caller: Caller, orderId: string): Promise<OrderView> {
  if (hasRole(caller, 'admin', 'facilitator', 'buyer')) {
    const order = await deps.orders.get(orderId);
    if (order && seesWhole(caller, order)) return order;
  }
  if (hasRole(caller, 'participant') && caller.participantId) {
    const view = await deps.orders.getSellerView(orderId, caller.participantId);
    if (view) return view;
  }
  throw new NotFoundError('Order');
}

/** The orders a caller's widest role shows: admin all, facilitator their group's, participant those with their items, buyer their own. */
function scopeOf(caller: Caller): OrderScope | { kind: 'participant'; participantId: string } {
  if (hasRole(caller, 'admin')) return { kind: 'all' };
  if (hasRole(caller, 'facilitator') && caller.groupId) return { kind: 'group', groupId: caller.groupId };
  if (hasRole(caller, 'participant') && caller.participantId) return { kind: 'participant', participantId: caller.participantId };
  if (hasRole(caller, 'buyer')) return { kind: 'buyer', buyerSub: caller.sub };
  throw new ForbiddenError('Orders are listed for buyers, facilitators, participants and admins');
}

/** A participant's list is of their seller views, read from their seller rows. */
export async function listOrders(deps: Pick<OrdersDeps, 'orders'>, caller: Caller, query: ListOrdersQuery): Promise<Page<OrderView>> {
  const { status, limit, cursor } = query;
  const scope = scopeOf(caller);
  const page = { limit, cursor };
  if (scope.kind === 'participant') return deps.orders.listForSeller(scope.participantId, status, page);
  return deps.orders.list(scope, status, page);
}
