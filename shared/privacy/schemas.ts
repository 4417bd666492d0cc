import { EarningsSummarySchema, PayoutSchema } from '#shared/earnings/schemas';
import { ProductSchema } from '#shared/catalog/schemas';
import { SellerOrderSchema } from '#shared/orders/schemas';
import { ParticipantSchema } from '#shared/participants/schemas';
import { FollowUpSchema, MentoringSessionSchema, PlacementSchema } from '#shared/programme/schemas';
import { EnrollmentSchema } from '#shared/training/schemas';
import * as z from '#shared/kernel/validation';
import { AccessRecordSchema } from '#shared/kernel/access-log/access-record';

/** Everything held about a participant, as one document (UU 27/2022: the right to obtain one's data). */
export const PersonalDataExportSchema = z.object({
  exportedAt: z.iso.datetime(),
  participant: ParticipantSchema,
  enrollments: z.array(EnrollmentSchema),
  products: z.array(ProductSchema),
  /** the orders of their items, as their seller sees them: nothing of the buyers (their personal data, not the participant's) */
  orders: z.array(SellerOrderSchema),
  earnings: EarningsSummarySchema,
  /** newest first */
  payouts: z.array(PayoutSchema),
  /** newest first by date, notes included (null once erased) */
  mentoringSessions: z.array(MentoringSessionSchema),
  /** newest first, organisation included (null once erased) */
  placements: z.array(PlacementSchema),
  /** every recorded follow-up, by enrollment and month, notes included (null once erased) */
  followUps: z.array(FollowUpSchema),
  /** newest first, this export's own record included */
  accessLog: z.array(AccessRecordSchema),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExportSchema>;
