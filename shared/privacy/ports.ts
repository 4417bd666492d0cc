import type { EarningEntry } from '#shared/earnings/schemas';
import type { Page, PageRequest } from '#shared/store/pagination';
import type { AccessRecord } from './access-record.ts';

export interface AccessLog {
  /** Stores every record, or fails: a caller must not see the data when its record could not be kept. */
  append(records: readonly AccessRecord[]): Promise<void>;
  /** Newest first. */
  list(participantId: string, page: PageRequest): Promise<Page<AccessRecord>>;
}

/** The earnings context's view of a participant: every entry and their sum (zero and empty until it credits any). */
export interface EarningsReader {
  of(participantId: string): Promise<{ totalIdr: number; entries: EarningEntry[] }>;
}
