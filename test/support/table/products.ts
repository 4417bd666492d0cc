import type { Product } from '#shared/catalog/schemas';
import { newId } from '#shared/kernel/ids';

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
