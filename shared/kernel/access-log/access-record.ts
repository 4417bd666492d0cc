import { ParticipantId } from '#events/ids';
import * as z from '#shared/kernel/validation';

/** What was read; one name per route that shows a participant's private data. */
export const AccessActionSchema = z.enum([
  'participant.read',
  'profile.update',
  'roster.read',
  'enrollments.read',
  'earnings.read',
  'payouts.read',
  'statement.read',
  'mentoring.read',
  'placements.read',
  'follow-ups.read',
  'personal-data.export',
  'personal-data.erase',
]);
export type AccessAction = z.infer<typeof AccessActionSchema>;

/** One read of a participant's private data (CONTRACT §3 Privacy). */
export const AccessRecordSchema = z.object({
  at: z.iso.datetime(),
  actorSub: z.string(),
  actorRoles: z.array(z.string()),
  action: AccessActionSchema,
  participantId: ParticipantId,
});
export type AccessRecord = z.infer<typeof AccessRecordSchema>;
