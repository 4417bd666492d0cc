import type { Product } from '#shared/catalog/schemas';
import type { EarningEntry } from '#shared/earnings/schemas';

/** The catalog's side of a participant's products: read them, and withdraw a listing the catalog's own way (ProductDelisted). */
export interface ParticipantProducts {
  ofParticipant(participantId: string): Promise<Product[]>;
  get(productId: string): Promise<Product | undefined>;
  withdraw(product: Product, at: string): Promise<Product>;
}

/** The earnings context's view of a participant: every entry and their sum (zero and empty until it credits any). */
export interface EarningsReader {
  of(participantId: string): Promise<{ totalIdr: number; entries: EarningEntry[] }>;
}
