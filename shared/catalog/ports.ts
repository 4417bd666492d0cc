import type { Page, PageRequest } from '#shared/kernel/store/page-schemas';
import type { PendingEvent } from '#shared/kernel/store/outbox';
import type { BrowseProductsQuery, ImageContentType, Product, ProductImage, UpdateProduct } from './schemas.ts';

export interface ProductStore {
  create(product: Product): Promise<void>;
  get(productId: string): Promise<Product | undefined>;
  /** ConflictError when the product was listed or delisted meanwhile. */
  update(product: Product, changes: UpdateProduct, updatedAt: string): Promise<Product>;
  /**
   * Moves the product to its new status with its event; ConflictError when its status changed meanwhile,
   * BusinessRuleError when listing a product whose seller's personal data was erased.
   */
  transition(product: Product, to: 'listed' | 'delisted', at: string, event: PendingEvent): Promise<Product>;
  /** Every product of the participant, whatever its status, newest first (strongly consistent). */
  ofParticipant(participantId: string): Promise<Product[]>;
  /** Listed products, newest listing first. */
  browse(filters: Omit<BrowseProductsQuery, 'limit' | 'cursor'>, page: PageRequest): Promise<Page<Product>>;
}

/** What the catalog needs to know about a would-be seller. */
export interface SellerDirectory {
  sellerOf(participantId: string): Promise<{ groupId: string; sellerStatus: string } | undefined>;
}

/** An image as the table holds it: the type declared at presign time stays with it until it is settled. */
export type StoredImage = ProductImage & { contentType?: ImageContentType };

export interface ProductImageStore {
  /** Appends a pending image to the product's images; BusinessRuleError once it holds `max` already. */
  addPending(productId: string, image: StoredImage, max: number, at: string): Promise<void>;
  find(productId: string, imageId: string): Promise<StoredImage | undefined>;
  /** Replaces a still-pending image with its outcome; false when it was settled already (a repeated delivery). */
  settle(productId: string, image: ProductImage, at: string): Promise<boolean>;
}

/** Presigned, direct-to-bucket uploads. */
export interface UploadSigner {
  /** A URL that accepts one PUT of exactly this type and length, until it expires. */
  presignPut(request: { key: string; contentType: ImageContentType; contentLength: number; expiresInSeconds: number }): Promise<string>;
}

/** The images bucket, as the processor uses it. */
export interface ImageObjects {
  /** The object's bytes; undefined when it holds more than maxBytes (nothing more is read then). */
  read(key: string, maxBytes: number): Promise<Uint8Array | undefined>;
  write(key: string, body: Uint8Array, contentType: string): Promise<void>;
}

export type RenditionName = 'thumbnail' | 'medium';

/** Decodes and re-encodes images (sharp deployed; anything in unit tests). */
export interface ImageRenderer {
  /** The format the bytes really are and their size, or undefined when they are no image it can decode. */
  probe(bytes: Uint8Array): Promise<{ format: string; width: number; height: number } | undefined>;
  /** Upright WebP renditions without any metadata. */
  render(bytes: Uint8Array): Promise<Record<RenditionName, Uint8Array>>;
}
