import type { BucketPlan } from './date-range.ts';
import type { Bucket, Counters } from './figures.ts';

/** What one event adds to its group's report, on the UTC day it happened. */
export interface ReportDelta {
  groupId: string;
  /** `YYYY-MM-DD`, the UTC date of the event's occurredAt */
  day: string;
  counters: Partial<Counters>;
  /** participants with an item in an order delivered by this event */
  sellers: readonly string[];
  /** the participant mentored in a session this event records; none for other events */
  mentees?: readonly string[];
}

export interface ReportStore {
  /**
   * Adds the delta to its day and month buckets and records the event as counted, in one transaction:
   * 'duplicate' (and nothing written) when the event was counted before, however long ago or however concurrently.
   */
  apply(eventId: string, delta: ReportDelta): Promise<'applied' | 'duplicate'>;
  /**
   * The buckets the plan names that hold anything (a day or month without events has no bucket), and whether
   * the group exists: read together, so a report is one round trip.
   */
  buckets(groupId: string, plan: BucketPlan): Promise<{ groupExists: boolean; buckets: Bucket[] }>;
}

/** A delivered order as the report needs it. */
export interface DeliveredOrder {
  groupId: string;
  totalIdr: number;
  items: readonly { productId: string; participantId: string; quantity: number }[];
}

/** Records of other contexts the projection reads to place an event that does not carry everything. */
export interface ReportSources {
  /** the participant's group, or undefined for an unknown participant */
  participantGroup(participantId: string): Promise<string | undefined>;
  order(orderId: string): Promise<DeliveredOrder | undefined>;
  /** grams of material in one piece of each product (the sum of its materials' grams); unknown products are missing */
  productGrams(productIds: readonly string[]): Promise<Map<string, number>>;
  /**
   * Whether a recorded follow-up found the participant working (employed or self-employed), or undefined when it is
   * not recorded: the event carries ids only, so this one code is read from the record.
   */
  followUpWorking(participantId: string, enrollmentId: string, monthsAfter: number): Promise<boolean | undefined>;
}
