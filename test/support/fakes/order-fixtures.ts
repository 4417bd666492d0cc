import { newId } from '#shared/kernel/ids';
import type { OrderableProduct } from '#shared/orders/ports';
import type { Order } from '#shared/orders/schemas';

/** A bag of the group as the order catalog reads it, listed: 50,000, stock 3, unless overridden. */
export const orderableBag = (groupId: string, overrides: Partial<OrderableProduct> = {}): OrderableProduct => ({
  id: newId('prd'),
  participantId: newId('prt'),
  groupId,
  title: 'Tas',
  priceIdr: 50_000,
  stock: 3,
  status: 'listed',
  ...overrides,
});

export const storedShipping = {
  recipientName: 'Budi',
  phone: '+6281234567890',
  address: 'Jl. Pejanggik 10',
  city: 'Mataram',
  postalCode: '83121',
};

/** An order as the store holds it: these lines (product, quantity) at catalog prices, placed by buyer-1, in `status`. */
export function storedOrder(lines: [OrderableProduct, number][], status: Order['status'], overrides: Partial<Order> = {}): Order {
  const items = lines.map(([product, quantity]) => ({
    productId: product.id,
    participantId: product.participantId,
    title: product.title,
    quantity,
    unitPriceIdr: product.priceIdr,
    subtotalIdr: product.priceIdr * quantity,
  }));
  return {
    id: newId('ord'),
    buyerSub: 'buyer-1',
    groupId: (lines[0] as [OrderableProduct, number])[0].groupId,
    status,
    items,
    totalIdr: items.reduce((sum, item) => sum + item.subtotalIdr, 0),
    shipping: storedShipping,
    createdAt: '2026-11-27T01:00:00.000Z',
    payBy: '2026-11-28T01:00:00.000Z',
    ...overrides,
  };
}
