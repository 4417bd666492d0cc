import { ProductListed } from '#events/product-listed';
import type { ProductStore } from '#shared/catalog/ports';
import type { Product } from '#shared/catalog/schemas';
import { newId } from '#shared/kernel/ids';
import { pendingEvent } from '#shared/kernel/store/outbox';

/** A draft product of a fresh seller and group, as the store keeps it. */
export function draftProduct(at: string, overrides: Partial<Product> = {}): Product {
  return {
    id: newId('prd'),
    participantId: newId('prt'),
    groupId: newId('grp'),
    title: 'Tas',
    description: 'Dari plastik',
    category: 'tas',
    priceIdr: 50_000,
    stock: 4,
    materials: [{ material: 'plastik', grams: 100 }],
    status: 'draft',
    images: [],
    listedAt: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** The ProductListed that list-product writes with the listing. */
export const listingEvent = (product: Product, at: string) => {
  const { id: productId, participantId, groupId, title, category, priceIdr, stock } = product;
  return pendingEvent(ProductListed, { productId, participantId, groupId, title, category, priceIdr, stock }, at);
};

/** The product created and then listed through the catalog's store, as list-product leaves it. */
export async function storedListing(products: ProductStore, product: Product, at: string): Promise<Product> {
  await products.create(product);
  return products.transition(product, 'listed', at, listingEvent(product, at));
}
