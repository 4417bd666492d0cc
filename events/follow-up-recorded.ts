import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { EnrollmentId, FollowUpId, GroupId, ParticipantId } from './ids.ts';

/** How many calendar months after a completed training a follow-up falls due. */
export const FollowUpMonths = z.literal([3, 6, 12]);

/**
 * Ids and the follow-up's slot only: what the participant told (work, income, selling, notes) is private and stays in
 * the record; the report reads the one figure it needs from there.
 */
export const FollowUpRecorded = defineEvent({
  detailType: 'FollowUpRecorded',
  source: EventSource.programme,
  data: z.strictObject({
    followUpId: FollowUpId,
    participantId: ParticipantId,
    groupId: GroupId,
    enrollmentId: EnrollmentId,
    monthsAfter: FollowUpMonths,
  }),
});
