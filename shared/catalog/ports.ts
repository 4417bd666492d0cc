import type { Page, PageRequest } from '#shared/store/pagination';
import type { PendingEvent } from '#shared/store/outbox';
import type { BrowseProductsQuery, Product, UpdateProduct } from './schemas.ts';

export interface ProductStore {
  create(product: Product): Promise<void>;
  get(productId: string): Promise<Product | undefined>;
  /** ConflictError when the product was listed or delisted meanwhile. */
  update(product: Product, changes: UpdateProduct, updatedAt: string): Promise<Product>;
  /** Moves the product to its new status with its event; ConflictError when its status changed meanwhile. */
  transition(product: Product, to: 'listed' | 'delisted', at: string, event: PendingEvent): Promise<Product>;
  /** Listed products, newest listing first. */
  browse(filters: Omit<BrowseProductsQuery, 'limit' | 'cursor'>, page: PageRequest): Promise<Page<Product>>;
}

/** What the catalog needs to know about a would-be seller. */
export interface SellerDirectory {
  sellerOf(participantId: string): Promise<{ groupId: string; sellerStatus: string } | undefined>;
}
