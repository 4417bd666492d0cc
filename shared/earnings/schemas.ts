import { GroupId, OrderId, ParticipantId, PayoutId, ProductId } from '#events/ids';
import { PayoutRecorded } from '#events/payout-recorded';
import { PlaceOrderHeadersSchema } from '#shared/orders/schemas';
import { ListQuerySchema, pageSchema } from '#shared/kernel/store/page-schemas';
import { textField } from '#shared/kernel/text-field';
import * as z from '#shared/kernel/validation';

/** One order item's share credited to the participant who made it, or (negative) taken back. */
export const EarningEntrySchema = z.object({
  kind: z.enum(['credit', 'reversal']),
  orderId: OrderId,
  productId: ProductId,
  amountIdr: z.int(),
  /** when the entry was written: the credit's time, or the reversal's */
  creditedAt: z.iso.datetime(),
});
export type EarningEntry = z.infer<typeof EarningEntrySchema>;

const rupiah = z.int().check(z.minimum(0));

/** A participant's figures: totalIdr = credited − reversed; balanceIdr = totalIdr − paid out, never below 0. */
export const EarningsSummarySchema = z.object({
  totalIdr: z.int(),
  creditedIdr: rupiah,
  reversedIdr: rupiah,
  paidOutIdr: rupiah,
  balanceIdr: rupiah,
  entries: z.array(EarningEntrySchema),
});
export type EarningsSummary = z.infer<typeof EarningsSummarySchema>;

/** GET /participants/{participantId}/earnings: entries newest first. */
export const ParticipantEarningsSchema = z.object({ participantId: ParticipantId, ...EarningsSummarySchema.shape });
export type ParticipantEarnings = z.infer<typeof ParticipantEarningsSchema>;

export const EarningsParamsSchema = z.object({ participantId: ParticipantId });

/** A date of the years 2000–2999: the range the ledger's sort keys and the statement's defaults are made for. */
const ledgerDate = z.iso.date().check(z.regex(/^2\d{3}-/, 'Must be a date in the years 2000 to 2999'));

export const PayoutMethodSchema = PayoutRecorded.data.shape.method;

/** POST /participants/{participantId}/payouts. The reference is the transfer's or the receipt's number. */
export const RecordPayoutSchema = z.strictObject({
  amountIdr: z.int().check(z.positive()),
  method: PayoutMethodSchema,
  reference: textField(100),
  paidOn: ledgerDate,
});
export type RecordPayout = z.output<typeof RecordPayoutSchema>;

/** Header `Idempotency-Key`, checked at the edge exactly as on POST /orders: the same key and body answer the same payout. */
export const RecordPayoutHeadersSchema = PlaceOrderHeadersSchema;

export const PayoutSchema = z.object({
  id: PayoutId,
  participantId: ParticipantId,
  groupId: GroupId,
  amountIdr: z.int().check(z.positive()),
  method: PayoutMethodSchema,
  reference: z.string(),
  paidOn: z.iso.date(),
  /** the sub of the facilitator or admin who recorded it */
  recordedBy: z.string(),
  createdAt: z.iso.datetime(),
});
export type Payout = z.infer<typeof PayoutSchema>;

export const PayoutPageSchema = pageSchema(PayoutSchema);
export const ListPayoutsQuerySchema = ListQuerySchema;

/** Unknown query parameters are ignored, as on every route. */
export const StatementQuerySchema = z.object({
  from: z.optional(ledgerDate),
  to: z.optional(ledgerDate),
  format: z.optional(z.enum(['json', 'csv'])),
});
export type StatementQuery = z.output<typeof StatementQuerySchema>;

export const StatementLineSchema = z.object({
  date: z.iso.date(),
  kind: z.enum(['credit', 'reversal', 'payout']),
  orderId: z.optional(OrderId),
  payoutId: z.optional(PayoutId),
  /** credits positive; reversals and payouts negative */
  amountIdr: z.int(),
});
export type StatementLine = z.infer<typeof StatementLineSchema>;

/** openingBalanceIdr + Σ lines = closingBalanceIdr; lines oldest first. */
export const StatementSchema = z.object({
  participantId: ParticipantId,
  from: z.iso.date(),
  to: z.iso.date(),
  openingBalanceIdr: z.int(),
  lines: z.array(StatementLineSchema),
  closingBalanceIdr: z.int(),
});
export type Statement = z.infer<typeof StatementSchema>;
