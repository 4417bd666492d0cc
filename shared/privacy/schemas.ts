import { GroupId, OrderId } from '#events/ids';
import { EarningsSummarySchema, PayoutSchema } from '#shared/earnings/schemas';
import { ProductSchema } from '#shared/catalog/schemas';
import { OrderItemSchema, OrderStatusSchema } from '#shared/orders/schemas';
import { ParticipantSchema } from '#shared/participants/schemas';
import { EnrollmentSchema } from '#shared/training/schemas';
import * as z from '#shared/kernel/validation';
import { AccessRecordSchema } from '#shared/kernel/access-log/access-record';

/**
 * An order as the seller's export shows it: their own items only, and nothing of the buyer
 * (no buyerSub, no shipping name, phone or address: those are the buyer's personal data, not the seller's).
 */
export const ExportedOrderSchema = z.object({
  id: OrderId,
  groupId: GroupId,
  status: OrderStatusSchema,
  items: z.array(OrderItemSchema),
  createdAt: z.iso.datetime(),
});
export type ExportedOrder = z.infer<typeof ExportedOrderSchema>;

/** Everything held about a participant, as one document (UU 27/2022: the right to obtain one's data). */
export const PersonalDataExportSchema = z.object({
  exportedAt: z.iso.datetime(),
  participant: ParticipantSchema,
  enrollments: z.array(EnrollmentSchema),
  products: z.array(ProductSchema),
  orders: z.array(ExportedOrderSchema),
  earnings: EarningsSummarySchema,
  /** newest first */
  payouts: z.array(PayoutSchema),
  /** newest first, this export's own record included */
  accessLog: z.array(AccessRecordSchema),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExportSchema>;
