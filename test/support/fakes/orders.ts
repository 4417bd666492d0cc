import { ConflictError } from '#shared/kernel/errors';
import { OutOfStockError } from '#shared/orders/out-of-stock';
import type { OrderableProduct, OrderCatalog, OrderStore, PaymentExpiryStore } from '#shared/orders/ports';
import type { Order } from '#shared/orders/schemas';
import { sellerView } from '#shared/orders/seller-view';
import type { PendingEvent } from '#shared/kernel/store/outbox';
import { pageOf } from './page.ts';

/** In-memory orders ports that keep the store's promise: all of a placement or none of it. */
export function fakeOrders(initial: OrderableProduct[]) {
  const products = new Map(initial.map((product) => [product.id, { ...product }]));
  const orders = new Map<string, Order>();
  const claims = new Map<string, { bodyHash: string; orderId: string; expiresAt: number }>();
  const events: PendingEvent[] = [];
  const claimId = (buyerSub: string, key: string) => `${buyerSub}#${key}`;

  const catalog: OrderCatalog = {
    products: async (ids) => ids.flatMap((id) => (products.has(id) ? [{ ...(products.get(id) as OrderableProduct) }] : [])),
  };

  const store: OrderStore = {
    async place({ order, claim, products: read, event }) {
      const existing = claims.get(claimId(claim.buyerSub, claim.key));
      if (existing && existing.expiresAt >= Date.parse(order.createdAt) / 1000) return 'key-taken';
      for (const { id, priceIdr } of read) {
        const now = products.get(id);
        const quantity = order.items.find((item) => item.productId === id)?.quantity ?? 0;
        if (!now || now.status !== 'listed' || now.priceIdr !== priceIdr) throw new ConflictError('changed meanwhile');
        if (now.stock < quantity) throw new OutOfStockError(id, now.stock);
      }
      for (const item of order.items) (products.get(item.productId) as OrderableProduct).stock -= item.quantity;
      claims.set(claimId(claim.buyerSub, claim.key), { bodyHash: claim.bodyHash, orderId: order.id, expiresAt: claim.expiresAt });
      orders.set(order.id, order);
      events.push(event);
      return 'placed';
    },
    async claimOf(buyerSub, key, nowSeconds) {
      const claim = claims.get(claimId(buyerSub, key));
      return claim && claim.expiresAt >= nowSeconds ? { bodyHash: claim.bodyHash, orderId: claim.orderId } : undefined;
    },
    get: async (id) => orders.get(id),
    async getSellerView(id, participantId) {
      const order = orders.get(id);
      return order?.items.some((item) => item.participantId === participantId) ? sellerView(order, participantId) : undefined;
    },
    async transition({ order, from, changes, events: written, restock }) {
      const current = orders.get(order.id) as Order;
      if (!from.includes(current.status)) return { outcome: 'status-changed', status: current.status };
      const updated = { ...current, ...changes };
      orders.set(order.id, updated);
      if (restock) for (const item of order.items) (products.get(item.productId) as OrderableProduct).stock += item.quantity;
      events.push(...written);
      return { outcome: 'done', order: updated };
    },
    async list(scope, status) {
      const visible = [...orders.values()].filter(
        (order) =>
          (status === undefined || order.status === status) &&
          (scope.kind === 'all' ||
            (scope.kind === 'buyer' && order.buyerSub === scope.buyerSub) ||
            (scope.kind === 'group' && order.groupId === scope.groupId)),
      );
      return pageOf(visible.reverse());
    },
    async listForSeller(participantId, status) {
      const selling = [...orders.values()].filter(
        (order) => (status === undefined || order.status === status) && order.items.some((item) => item.participantId === participantId),
      );
      return pageOf(selling.reverse().map((order) => sellerView(order, participantId)));
    },
  };

  // The real store's invariant: an order is in the expiry partition exactly while it is placed.
  const expiries: PaymentExpiryStore = {
    async due(until) {
      const due = [...orders.values()].filter((order) => order.status === 'placed' && order.payBy <= until);
      return { items: due.sort((a, b) => a.payBy.localeCompare(b.payBy)).map((order) => order.id) };
    },
  };

  return { catalog, store, products, orders, events, expiries };
}
