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
/** A group's report figures for one UTC day (`DAY#yyyy-mm-dd`) or month (`MONTH#yyyy-mm`), kept by the report projection. */
export const reportDayKey = (groupId: string, day: string) => ({ pk: `REPORT#${groupId}`, sk: `DAY#${day}` });
export const reportMonthKey = (groupId: string, month: string) => ({ pk: `REPORT#${groupId}`, sk: `MONTH#${month}` });
/** One per event the report projection has counted: a repeated event fails its condition and counts nothing. */
export const reportGuardKey = (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'REPORT' });
