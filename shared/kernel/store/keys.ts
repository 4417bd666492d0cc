/**
 * Primary keys of the single table, one place for every context, so a context that
 * checks another's record (a group exists, a participant's group) names it the same way.
 * The access patterns are listed in shared/store/README.md.
 */
export const groupKey = (groupId: string) => ({ pk: `GROUP#${groupId}`, sk: 'GROUP' });
export const participantKey = (participantId: string) => ({ pk: `PARTICIPANT#${participantId}`, sk: 'PARTICIPANT' });
export const programKey = (programId: string) => ({ pk: `PROGRAM#${programId}`, sk: 'PROGRAM' });
export const enrollmentKey = (enrollmentId: string) => ({ pk: `ENROLLMENT#${enrollmentId}`, sk: 'ENROLLMENT' });
/** One per participant and program: makes a second enrollment a failed condition, not a duplicate. */
export const enrollmentGuardKey = (programId: string, participantId: string) => ({
  pk: `PROGRAM#${programId}`,
  sk: `ENROLLED#${participantId}`,
});
export const productKey = (productId: string) => ({ pk: `PRODUCT#${productId}`, sk: 'PRODUCT' });
export const orderKey = (orderId: string) => ({ pk: `ORDER#${orderId}`, sk: 'ORDER' });
/** One per order and participant with items in it: the order as that seller lists it. */
export const orderSellerKey = (orderId: string, participantId: string) => ({ pk: `ORDER#${orderId}`, sk: `SELLER#${participantId}` });
/** A buyer's Idempotency-Key, scoped to the buyer so two buyers' keys never collide. */
export const idempotencyKey = (buyerSub: string, key: string) => ({ pk: `IDEMPOTENCY#${buyerSub}#${key}`, sk: 'IDEMPOTENCY' });
/** Exists once an order's earnings are credited: a second credit of the order fails on it, as a whole. */
export const orderEarningsGuardKey = (orderId: string) => ({ pk: `ORDER#${orderId}`, sk: 'EARNINGS' });
/** The sort-key prefix of a participant's earning entries (the participant export reads them by it too). */
export const earningEntryPrefix = 'EARNING#';
/** One per order item, under the participant who made it. */
export const earningEntryKey = (participantId: string, orderId: string, productId: string) => ({
  pk: `PARTICIPANT#${participantId}`,
  sk: `${earningEntryPrefix}${orderId}#${productId}`,
});
/** A participant's running total of earnings (`totalIdr`, added to by every credit). */
export const participantEarningsKey = (participantId: string) => ({ pk: `PARTICIPANT#${participantId}`, sk: 'EARNINGS' });
/**
 * What a participant has, referenced from their own partition: a strongly consistent Query there finds every
 * product and enrollment at once, which erasure needs (an index could still lag behind a write made just before).
 */
export const participantProductKey = (participantId: string, productId: string) => ({
  pk: `PARTICIPANT#${participantId}`,
  sk: `PRODUCT#${productId}`,
});
export const participantEnrollmentKey = (participantId: string, enrollmentId: string) => ({
  pk: `PARTICIPANT#${participantId}`,
  sk: `ENROLLMENT#${enrollmentId}`,
});
/** Who read a participant's private data: a partition of its own, so a reader's IAM grant can be limited to it. */
export const accessLogKeyPrefix = 'ACCESS#';
export const accessLogPartition = (participantId: string) => `${accessLogKeyPrefix}${participantId}`;
/** A partner webhook; its subscription rows and delivery records share its partition. */
export const webhookKey = (webhookId: string) => ({ pk: `WEBHOOK#${webhookId}`, sk: 'WEBHOOK' });
/** One per webhook and event type, indexed by event type, so fanning an event out is one Query. */
export const webhookSubscriptionKey = (webhookId: string, eventType: string) => ({
  pk: `WEBHOOK#${webhookId}`,
  sk: `SUBSCRIPTION#${eventType}`,
});
/** One per webhook and event (message id = the event's evt_ id): a repeated event finds it and makes no second delivery. */
export const webhookDeliveryKey = (webhookId: string, messageId: string) => ({
  pk: `WEBHOOK#${webhookId}`,
  sk: `DELIVERY#${messageId}`,
});
/** A group's report figures for one UTC day (`DAY#yyyy-mm-dd`) or month (`MONTH#yyyy-mm`), kept by the report projection. */
export const reportDayKey = (groupId: string, day: string) => ({ pk: `REPORT#${groupId}`, sk: `DAY#${day}` });
export const reportMonthKey = (groupId: string, month: string) => ({ pk: `REPORT#${groupId}`, sk: `MONTH#${month}` });
/** One per event the report projection has counted: a repeated event fails its condition and counts nothing. */
export const reportGuardKey = (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'REPORT' });
