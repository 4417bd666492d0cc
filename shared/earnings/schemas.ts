import { OrderId, ParticipantId, ProductId } from '#events/ids';
import * as z from '#shared/kernel/validation';

/** One order item's share, credited to the participant who made it. */
export const EarningEntrySchema = z.object({
  orderId: OrderId,
  productId: ProductId,
  amountIdr: z.int(),
  creditedAt: z.iso.datetime(),
});
export type EarningEntry = z.infer<typeof EarningEntrySchema>;

/** GET /participants/{participantId}/earnings: entries newest first; totalIdr is their sum. */
export const ParticipantEarningsSchema = z.object({
  participantId: ParticipantId,
  totalIdr: z.int(),
  entries: z.array(EarningEntrySchema),
});
export type ParticipantEarnings = z.infer<typeof ParticipantEarningsSchema>;

export const EarningsParamsSchema = z.object({ participantId: ParticipantId });
