import type { Product } from '#shared/catalog/schemas';
import type { EarningsSummary, Payout } from '#shared/earnings/schemas';
import type { FollowUp, MentoringSession, Placement } from '#shared/programme/schemas';

/** The catalog's side of a participant's products: read them, and withdraw a listing the catalog's own way (ProductDelisted). */
export interface ParticipantProducts {
  ofParticipant(participantId: string): Promise<Product[]>;
  get(productId: string): Promise<Product | undefined>;
  withdraw(product: Product, at: string): Promise<Product>;
}

/** The earnings context's view of a participant: their figures and entries (zero and empty until it credits any), and payouts. */
export interface EarningsReader {
  of(participantId: string): Promise<EarningsSummary>;
  payoutsOf(participantId: string): Promise<Payout[]>;
}

/**
 * The programme's records of a participant, and the erasure of their private parts (mentoring notes, organisations,
 * follow-up notes).
 */
export interface ProgrammeRecords {
  mentoringOf(participantId: string): Promise<MentoringSession[]>;
  placementsOf(participantId: string): Promise<Placement[]>;
  followUpsOf(participantId: string): Promise<FollowUp[]>;
  erase(participantId: string, erasedAt: string): Promise<void>;
}
