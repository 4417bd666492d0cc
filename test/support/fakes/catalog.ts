import type { ProductStore, SellerDirectory } from '#shared/catalog/ports';
import type { Product } from '#shared/catalog/schemas';
import { ConflictError } from '#shared/kernel/errors';
import type { PendingEvent } from '#shared/kernel/store/outbox';
import { pageOf } from './page.ts';

/** In-memory catalog ports for use-case unit tests; the DynamoDB adapter has its own integration tests. */
export function fakeCatalog(sellers: Record<string, { groupId: string; sellerStatus: string }>) {
  const products = new Map<string, Product>();
  const events: PendingEvent[] = [];

  const productStore: ProductStore = {
    async create(product) {
      products.set(product.id, product);
    },
    get: async (id) => products.get(id),
    async update(product, changes, updatedAt) {
      const updated = { ...product, ...changes, updatedAt };
      products.set(product.id, updated);
      return updated;
    },
    async transition(product, to, at, event) {
      if (products.get(product.id)?.status !== product.status) throw new ConflictError('changed meanwhile');
      const moved: Product = { ...product, status: to, updatedAt: at, ...(to === 'listed' ? { listedAt: at } : {}) };
      products.set(product.id, moved);
      events.push(event);
      return moved;
    },
    ofParticipant: async (participantId) => [...products.values()].filter((p) => p.participantId === participantId).reverse(),
    browse: async () => pageOf([...products.values()].filter((p) => p.status === 'listed')),
  };

  const sellerDirectory: SellerDirectory = { sellerOf: async (id) => sellers[id] };

  return { productStore, sellerDirectory, products, events };
}

/** What a seller sends to create a product: a bag of 120 g of plastic, stock 3. */
export const productFields = {
  title: 'Tas anyaman',
  description: 'Dari bungkus kopi',
  category: 'tas',
  priceIdr: 85_000,
  stock: 3,
  materials: [{ material: 'plastik', grams: 120 }],
};
