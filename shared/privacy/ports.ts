import type { Page, PageRequest } from '#shared/store/pagination';
import type { AccessRecord } from './access-record.ts';

export interface AccessLog {
  /** Stores every record, or fails: a caller must not see the data when its record could not be kept. */
  append(records: readonly AccessRecord[]): Promise<void>;
  /** Newest first. */
  list(participantId: string, page: PageRequest): Promise<Page<AccessRecord>>;
}

export interface EarningEntry {
  orderId: string;
  productId: string;
  amountIdr: number;
  creditedAt: string;
}

/** The earnings context's records of a participant, read by key (empty until it credits any). */
export interface EarningsReader {
  of(participantId: string): Promise<{ totalIdr: number; entries: EarningEntry[] }>;
}
