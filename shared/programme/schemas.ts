import { FollowUpMonths } from '#events/follow-up-recorded';
import { EnrollmentId, FollowUpId, GroupId, MentoringSessionId, ParticipantId, PlacementId } from '#events/ids';
import { MentoringTopic } from '#events/mentoring-recorded';
import { PlacementOutcome } from '#events/placement-ended';
import { PlacementKind } from '#events/placement-started';
import { ListQuerySchema, pageSchema } from '#shared/kernel/store/page-schemas';
import { textField } from '#shared/kernel/text-field';
import * as z from '#shared/kernel/validation';

export const ProgrammeParamsSchema = z.object({ participantId: ParticipantId });
export const PlacementParamsSchema = z.object({ placementId: PlacementId });

/** A date of the years 2000–2999: mentoring sessions sort on it, as ledger lines do on theirs. */
const programmeDate = z.iso.date().check(z.regex(/^2\d{3}-/, 'Must be a date in the years 2000 to 2999'));

export const MentoringTopicSchema = MentoringTopic;

/** POST /participants/{participantId}/mentoring-sessions */
export const RecordMentoringSchema = z.strictObject({
  date: programmeDate,
  topic: MentoringTopicSchema,
  durationMinutes: z.int().check(z.minimum(1), z.maximum(480)),
  notes: z.optional(textField(2000)),
});
export type RecordMentoring = z.output<typeof RecordMentoringSchema>;

export const MentoringSessionSchema = z.object({
  id: MentoringSessionId,
  participantId: ParticipantId,
  groupId: GroupId,
  date: z.iso.date(),
  topic: MentoringTopicSchema,
  durationMinutes: z.int(),
  /** null when none were written, or once the participant's personal data was erased */
  notes: z.nullable(z.string()),
  /** the sub of the facilitator who mentored */
  mentorSub: z.string(),
  createdAt: z.iso.datetime(),
});
export type MentoringSession = z.infer<typeof MentoringSessionSchema>;

export const MentoringPageSchema = pageSchema(MentoringSessionSchema);
export const ListMentoringQuerySchema = ListQuerySchema;

export const PlacementKindSchema = PlacementKind;
export const PlacementOutcomeSchema = PlacementOutcome;

/** POST /participants/{participantId}/placements */
export const StartPlacementSchema = z.strictObject({
  kind: PlacementKindSchema,
  organisation: textField(200),
  sector: textField(100),
  startedOn: programmeDate,
  endsOn: z.optional(programmeDate),
});
export type StartPlacement = z.output<typeof StartPlacementSchema>;

/** POST /placements/{placementId}/end */
export const EndPlacementSchema = z.strictObject({
  endedOn: programmeDate,
  outcome: PlacementOutcomeSchema,
});
export type EndPlacement = z.output<typeof EndPlacementSchema>;

export const PlacementSchema = z.object({
  id: PlacementId,
  participantId: ParticipantId,
  groupId: GroupId,
  kind: PlacementKindSchema,
  /** null once the participant's personal data was erased */
  organisation: z.nullable(z.string()),
  sector: z.string(),
  startedOn: z.iso.date(),
  /** the planned end, when one was given */
  endsOn: z.nullable(z.iso.date()),
  status: z.enum(['active', 'ended']),
  /** set when it ends */
  endedOn: z.nullable(z.iso.date()),
  outcome: z.nullable(PlacementOutcomeSchema),
  createdAt: z.iso.datetime(),
});
export type Placement = z.infer<typeof PlacementSchema>;

export const PlacementPageSchema = pageSchema(PlacementSchema);
export const ListPlacementsQuerySchema = ListQuerySchema;

export const FollowUpMonthsSchema = FollowUpMonths;
export const FollowUpWorkingSchema = z.enum(['employed', 'self_employed', 'not_working', 'unknown']);
export const MonthlyIncomeBandSchema = z.enum(['none', 'under_1m', '1m_3m', '3m_5m', 'over_5m', 'unknown']);
export const FollowUpStatusSchema = z.enum(['due', 'overdue', 'done']);
export const GroupParamsSchema = z.object({ groupId: GroupId });

/** POST /participants/{participantId}/follow-ups */
export const RecordFollowUpSchema = z.strictObject({
  enrollmentId: EnrollmentId,
  monthsAfter: FollowUpMonthsSchema,
  contactedOn: programmeDate,
  working: FollowUpWorkingSchema,
  monthlyIncomeBand: MonthlyIncomeBandSchema,
  stillSelling: z.boolean(),
  notes: z.optional(textField(2000)),
});
export type RecordFollowUp = z.output<typeof RecordFollowUpSchema>;

/** Every field is the participant's private data: shown only to the private view, access-logged when read. */
export const FollowUpSchema = z.object({
  id: FollowUpId,
  participantId: ParticipantId,
  groupId: GroupId,
  enrollmentId: EnrollmentId,
  monthsAfter: FollowUpMonthsSchema,
  /** the completion's day + monthsAfter calendar months (clamped to the month's end) */
  dueOn: z.iso.date(),
  contactedOn: z.iso.date(),
  /** employed or self_employed count as working in the group report */
  working: FollowUpWorkingSchema,
  monthlyIncomeBand: MonthlyIncomeBandSchema,
  /** still selling through the platform or otherwise */
  stillSelling: z.boolean(),
  /** null when none were written, or once the participant's personal data was erased */
  notes: z.nullable(z.string()),
  /** the sub of the facilitator or officer who recorded it */
  recordedBy: z.string(),
  createdAt: z.iso.datetime(),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

/** One follow-up slot of a completed training as a group's list shows it. */
export const FollowUpDueSchema = z.object({
  participantId: ParticipantId,
  enrollmentId: EnrollmentId,
  monthsAfter: FollowUpMonthsSchema,
  dueOn: z.iso.date(),
  /** the slot's own state: an overdue one is in the due list too, with status overdue */
  status: FollowUpStatusSchema,
  /** once recorded */
  followUpId: z.optional(FollowUpId),
});
export type FollowUpDue = z.infer<typeof FollowUpDueSchema>;

export const FollowUpPageSchema = pageSchema(FollowUpDueSchema);
export const ListFollowUpsQuerySchema = z.extend(ListQuerySchema, {
  /** due (the default): dueOn past or within 14 days, none recorded; overdue: more than 30 days past; done: recorded */
  status: z._default(FollowUpStatusSchema, 'due'),
});
export type ListFollowUpsQuery = z.output<typeof ListFollowUpsQuerySchema>;
