/**
 * Every key of the single table, primary and index, one place for every context, so a context that
 * checks another's record (a group exists, a participant's group) names it the same way, and no two
 * writers of one index partition can spell it differently. The access patterns are listed in README.md beside this file.
 */
import { createHash } from 'node:crypto';

export const groupKey = (groupId: string) => ({ pk: `GROUP#${groupId}`, sk: 'GROUP' });
export const participantKey = (participantId: string) => ({ pk: `PARTICIPANT#${participantId}`, sk: 'PARTICIPANT' });
export const programKey = (programId: string) => ({ pk: `PROGRAM#${programId}`, sk: 'PROGRAM' });
export const enrollmentKey = (enrollmentId: string) => ({ pk: `ENROLLMENT#${enrollmentId}`, sk: 'ENROLLMENT' });
/** The stream relay's input: one row per event, written in the transaction of the change it announces. */
export const outboxKey = (eventId: string) => ({ pk: `OUTBOX#${eventId}`, sk: 'OUTBOX' });
/** One per participant and program: makes a second enrollment a failed condition, not a duplicate. */
export const enrollmentGuardKey = (programId: string, participantId: string) => ({
  pk: `PROGRAM#${programId}`,
  sk: `ENROLLED#${participantId}`,
});
export const productKey = (productId: string) => ({ pk: `PRODUCT#${productId}`, sk: 'PRODUCT' });
export const orderKey = (orderId: string) => ({ pk: `ORDER#${orderId}`, sk: 'ORDER' });
/** One per order and participant with items in it: the order as that seller lists it. */
export const orderSellerKey = (orderId: string, participantId: string) => ({ pk: `ORDER#${orderId}`, sk: `SELLER#${participantId}` });
/** A claim on an Idempotency-Key, named by a hash of its parts as one JSON array: no separator to collide on. */
const claimKey = (parts: readonly string[]) => ({
  pk: `IDEMPOTENCY#${createHash('sha256').update(JSON.stringify(parts)).digest('base64url')}`,
  sk: 'IDEMPOTENCY',
});
/**
 * A buyer's Idempotency-Key, scoped to the buyer so two buyers' keys never collide. Both are the caller's text,
 * so they are hashed as one JSON array: joined with a separator, sub `a#b` with key `c` and sub `a` with key
 * `b#c` would be one claim.
 */
export const idempotencyKey = (buyerSub: string, key: string) => claimKey([buyerSub, key]);
/** Exists once an order's earnings are credited: a second credit of the order fails on it, as a whole. */
export const orderEarningsGuardKey = (orderId: string) => ({ pk: `ORDER#${orderId}`, sk: 'EARNINGS' });
/**
 * Exists once an order's earnings are reversed (refund, cancellation), whether or not they were credited yet: a
 * credit that comes later finds it and writes its own reversal with it, so the two always net to zero.
 */
export const orderReversalKey = (orderId: string) => ({ pk: `ORDER#${orderId}`, sk: 'EARNINGS_REVERSED' });
/**
 * A participant's ledger lines (credits, reversals, payouts), sorted by the line's date and then the time it was
 * written, so a statement is one Query on a range of dates. `ref` makes each line's key its own (`credit#<ord>#<prd>`).
 */
export const ledgerLinePrefix = 'LEDGER#';
/** The participant's own partition, for Queries on a sort-key prefix or range in it. */
export const participantPartition = (participantId: string) => `PARTICIPANT#${participantId}`;
export const ledgerLineKey = (participantId: string, date: string, at: string, ref: string) => ({
  pk: `PARTICIPANT#${participantId}`,
  sk: `${ledgerLinePrefix}${date}#${at}#${ref}`,
});
/** Sort-key bounds of the lines dated from `from` to `to`, inclusive: `~` sorts after every time and ref. */
export const ledgerLineRange = (from: string, to: string) => ({ start: `${ledgerLinePrefix}${from}`, end: `${ledgerLinePrefix}${to}#~` });
/** A participant's running sums (credited, reversed, paid out, available, and each month's net): a payout's condition is on it. */
export const participantBalanceKey = (participantId: string) => ({ pk: `PARTICIPANT#${participantId}`, sk: 'BALANCE' });
/** A payout, in its participant's partition: newest first is one backwards Query (pay_ ids are ULIDs). */
export const payoutPrefix = 'PAYOUT#';
export const payoutKey = (participantId: string, payoutId: string) => ({
  pk: `PARTICIPANT#${participantId}`,
  sk: `${payoutPrefix}${payoutId}`,
});
/**
 * A facilitator's Idempotency-Key for payouts. Hashed from an unambiguous encoding (a JSON array), so no choice of
 * sub and key can spell another caller's claim, and the 'payout' tag keeps it apart from every order claim.
 */
export const payoutClaimKey = (sub: string, key: string) => claimKey(['payout', sub, key]);
/**
 * What a participant has, referenced from their own partition: a strongly consistent Query there finds every
 * product and enrollment at once, which erasure needs (an index could still lag behind a write made just before).
 */
export const participantProductPrefix = 'PRODUCT#';
export const participantProductKey = (participantId: string, productId: string) => ({
  pk: `PARTICIPANT#${participantId}`,
  sk: `${participantProductPrefix}${productId}`,
});
export const participantEnrollmentPrefix = 'ENROLLMENT#';
export const participantEnrollmentKey = (participantId: string, enrollmentId: string) => ({
  pk: `PARTICIPANT#${participantId}`,
  sk: `${participantEnrollmentPrefix}${enrollmentId}`,
});
/**
 * A mentoring session, in its participant's partition, sorted by the session's date and then its id (a ULID): the
 * list, newest first, is one backwards Query, and export and erasure read the partition strongly.
 */
export const mentoringSessionPrefix = 'MENTORING#';
export const mentoringSessionKey = (participantId: string, date: string, sessionId: string) => ({
  pk: `PARTICIPANT#${participantId}`,
  sk: `${mentoringSessionPrefix}${date}#${sessionId}`,
});
/** A placement, in its participant's partition (newest first by its plc_ ULID), for the lists, export and erasure. */
export const placementPrefix = 'PLACEMENT#';
export const placementKey = (participantId: string, placementId: string) => ({
  pk: `PARTICIPANT#${participantId}`,
  sk: `${placementPrefix}${placementId}`,
});
/** Where a placement is, by its id alone (`POST /placements/{placementId}/end`): names its participant. */
export const placementLookupKey = (placementId: string) => ({ pk: `PLACEMENT#${placementId}`, sk: 'PLACEMENT' });
/**
 * A follow-up, in its participant's partition, one per completed enrollment and month it falls due (3, 6, 12): first
 * as an open slot written on TrainingCompleted, then, once recorded, the record itself in the same item. The key is
 * the slot, so a second record of it is a failed condition, and export and erasure find it by a strong Query.
 */
export const followUpPrefix = 'FOLLOWUP#';
export const followUpKey = (participantId: string, enrollmentId: string, monthsAfter: number) => ({
  pk: `PARTICIPANT#${participantId}`,
  sk: `${followUpPrefix}${enrollmentId}#${monthsAfter}`,
});
/** The id a reference's sort key names (`PRODUCT#<prd>` → `<prd>`). */
export const referencedId = (sk: string, prefix: string) => sk.slice(prefix.length);
/** Who read a participant's private data: a partition of its own, so a reader's IAM grant can be limited to it. */
export const accessLogKeyPrefix = 'ACCESS#';
export const accessLogPartition = (participantId: string) => `${accessLogKeyPrefix}${participantId}`;
/** Ordered by time; the unique suffix keeps two reads in the same millisecond from overwriting each other. */
export const accessRecordKey = (participantId: string, at: string, unique: string) => ({
  pk: accessLogPartition(participantId),
  sk: `${at}#${unique}`,
});
/** A partner webhook; its subscription rows and delivery records share its partition. */
export const webhookKey = (webhookId: string) => ({ pk: `WEBHOOK#${webhookId}`, sk: 'WEBHOOK' });
/** One per webhook and event type, indexed by event type, so fanning an event out is one Query. */
export const webhookSubscriptionKey = (webhookId: string, eventType: string) => ({
  pk: `WEBHOOK#${webhookId}`,
  sk: `SUBSCRIPTION#${eventType}`,
});
/** One per webhook and event (message id = the event's evt_ id): a repeated event finds it and makes no second delivery. */
export const webhookDeliveryPrefix = 'DELIVERY#';
export const webhookDeliveryKey = (webhookId: string, messageId: string) => ({
  pk: `WEBHOOK#${webhookId}`,
  sk: `${webhookDeliveryPrefix}${messageId}`,
});
/** A group's report figures for one UTC day (`DAY#yyyy-mm-dd`) or month (`MONTH#yyyy-mm`), kept by the report projection. */
export const reportDayKey = (groupId: string, day: string) => ({ pk: `REPORT#${groupId}`, sk: `DAY#${day}` });
export const reportMonthKey = (groupId: string, month: string) => ({ pk: `REPORT#${groupId}`, sk: `MONTH#${month}` });
/** One per event the report projection has counted: a repeated event fails its condition and counts nothing. */
export const reportGuardKey = (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'REPORT' });

/** One partition of a global index: a list is one Query on it, and an item is in it by carrying its keys. */
export interface IndexPartition {
  index: 'gsi1' | 'gsi2' | 'gsi3' | 'gsi4';
  pk: string;
}

/** The attributes that put an item into a partition, sorted by `sort`. */
export const indexKeys = ({ index, pk }: IndexPartition, sort: string): Record<string, string> => ({
  [`${index}pk`]: pk,
  [`${index}sk`]: sort,
});

/** The Query input that reads a partition; a caller adding values of its own spreads `ExpressionAttributeValues` too. */
export const indexQuery = ({ index, pk }: IndexPartition) => ({
  IndexName: index,
  KeyConditionExpression: `${index}pk = :pk`,
  ExpressionAttributeValues: { ':pk': pk } as Record<string, unknown>,
});

// Lists sorted by id (ULIDs, so by creation time).
export const allGroups = (): IndexPartition => ({ index: 'gsi1', pk: 'GROUPS' });
export const groupParticipants = (groupId: string): IndexPartition => ({ index: 'gsi1', pk: `GROUP#${groupId}#PARTICIPANTS` });
export const groupPrograms = (groupId: string): IndexPartition => ({ index: 'gsi1', pk: `GROUP#${groupId}#PROGRAMS` });
export const allPrograms = (): IndexPartition => ({ index: 'gsi2', pk: 'PROGRAMS' });
export const participantEnrollments = (participantId: string): IndexPartition => ({
  index: 'gsi1',
  pk: `PARTICIPANT#${participantId}#ENROLLMENTS`,
});
/** The order itself sits in its buyer's, its group's and the all-orders partition; each seller row in its participant's. */
export const buyerOrders = (buyerSub: string): IndexPartition => ({ index: 'gsi1', pk: `BUYER#${buyerSub}#ORDERS` });
export const groupOrders = (groupId: string): IndexPartition => ({ index: 'gsi2', pk: `GROUP#${groupId}#ORDERS` });
export const allOrders = (): IndexPartition => ({ index: 'gsi3', pk: 'ORDERS' });
export const participantOrders = (participantId: string): IndexPartition => ({ index: 'gsi1', pk: `PARTICIPANT#${participantId}#ORDERS` });
export const allWebhooks = (): IndexPartition => ({ index: 'gsi1', pk: 'WEBHOOKS' });
/** The subscription rows of one event type: fanning an event out is one Query. */
export const webhookSubscribers = (eventType: string): IndexPartition => ({ index: 'gsi1', pk: `WEBHOOK_SUBSCRIBERS#${eventType}` });

/**
 * A group's follow-ups on gsi1 (a follow-up item uses no other index), sorted by `<dueOn>#<enr>#<months>`: open ones
 * in one partition, so the due and the overdue lists are each one Query up to a date; recording one moves it to the
 * done partition in the same write.
 */
export const groupOpenFollowUps = (groupId: string): IndexPartition => ({ index: 'gsi1', pk: `GROUP#${groupId}#FOLLOWUPS_OPEN` });
export const groupDoneFollowUps = (groupId: string): IndexPartition => ({ index: 'gsi1', pk: `GROUP#${groupId}#FOLLOWUPS_DONE` });
export const followUpSort = (dueOn: string, enrollmentId: string, monthsAfter: number) => `${dueOn}#${enrollmentId}#${monthsAfter}`;

/**
 * A listed product sits in four sparse partitions, one per way of browsing, all sorted by listing time
 * (`<listedAt>#<prd>`); delisting removes all four.
 */
export const listedProducts = (): IndexPartition => ({ index: 'gsi2', pk: 'LISTED' });
export const groupListedProducts = (groupId: string): IndexPartition => ({ index: 'gsi1', pk: `LISTED#GROUP#${groupId}` });
export const categoryListedProducts = (category: string): IndexPartition => ({ index: 'gsi3', pk: `LISTED#CATEGORY#${category}` });
export const artisanListedProducts = (participantId: string): IndexPartition => ({ index: 'gsi4', pk: `LISTED#ARTISAN#${participantId}` });
export const productListingKeys = (
  product: { id: string; groupId: string; category: string; participantId: string },
  listedAt: string,
): Record<string, string> => {
  const sort = `${listedAt}#${product.id}`;
  return {
    ...indexKeys(groupListedProducts(product.groupId), sort),
    ...indexKeys(listedProducts(), sort),
    ...indexKeys(categoryListedProducts(product.category), sort),
    ...indexKeys(artisanListedProducts(product.participantId), sort),
  };
};

/**
 * Work due at a time, one sparse partition per job (`DUE#<job>` on gsi4, sorted by `<dueAt>#<id>`): a scheduled
 * sweeper reads its job's partition up to now and takes each item out of it as it does the work, so nothing scans.
 * An item joins at most one job at a time (an order is due for payment expiry while placed, for the reduction of
 * its buyer data once ended), so one index slot on it suffices; gsi4 is the slot an order does not use otherwise.
 */
export type DueJob = 'payment-expiry' | 'order-reduction';
const dueIndex = 'gsi4';
export const duePartition = (job: DueJob): IndexPartition => ({ index: dueIndex, pk: `DUE#${job}` });
/** The attributes an item leaves its job's partition by removing. */
export const dueSlotAttributes = [`${dueIndex}pk`, `${dueIndex}sk`] as const;
export const dueKeys = (job: DueJob, dueAtIso: string, id: string): Record<string, string> =>
  indexKeys(duePartition(job), `${dueAtIso}#${id}`);
/** The Query input that reads a job's partition up to `untilIso`, inclusive, oldest first. */
export const dueQuery = (job: DueJob, untilIso: string) => {
  const { index, pk } = duePartition(job);
  return {
    IndexName: index,
    KeyConditionExpression: `${index}pk = :pk AND ${index}sk < :after`,
    // '$' sorts after '#': every `<untilIso>#<id>` is before `<untilIso>$`, and no later time is.
    ExpressionAttributeValues: { ':pk': pk, ':after': `${untilIso}$` } as Record<string, unknown>,
    ScanIndexForward: true,
  };
};
