import type { ProductStore } from '#shared/catalog/ports';
import { defaultPaymentWindowSeconds } from '#shared/orders/payment-window';
import type { Product } from '#shared/catalog/schemas';
import { orderPlacedEvent } from '#shared/orders/orders';
import type { OrderableProduct, OrderCatalog, Placement } from '#shared/orders/ports';
import { storedOrder } from '#test/support/fakes/order-fixtures';
import { draftProduct, storedListing } from './products.ts';

/** A product created and listed through the catalog's store, with the order catalog's view of it. */
export async function listedProduct(
  stores: { products: ProductStore; catalog: OrderCatalog },
  at: string,
  overrides: Partial<Product> = {},
): Promise<{ product: Product; orderable: OrderableProduct }> {
  const listed = await storedListing(stores.products, draftProduct(at, overrides), at);
  const [orderable] = await stores.catalog.products([listed.id]);
  return { product: listed, orderable: orderable as OrderableProduct };
}

/**
 * A payment window still open by the real clock, whenever the order is dated: the local runtime's expiry sweeper
 * (real clock, every few seconds) shares this table, and would cancel an order placed "in the past" under its test.
 */
const stillOpen = () => new Date(Date.now() + defaultPaymentWindowSeconds * 1000).toISOString();

/** What place-order hands the store for these lines (product as read, quantity), as the use-case builds it. */
export function placementOf(
  buyerSub: string,
  key: string,
  lines: [OrderableProduct, number][],
  at: string,
  payBy = stillOpen(),
): Placement {
  const order = storedOrder(lines, 'placed', { buyerSub, createdAt: at, payBy });
  return {
    order,
    claim: { buyerSub, key, bodyHash: `hash-${key}`, expiresAt: Date.parse(at) / 1000 + 86_400 },
    products: lines.map(([product]) => product),
    event: orderPlacedEvent(order),
  };
}
