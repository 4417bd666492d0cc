import { EnrollmentId, GroupId, ParticipantId, ProgramId } from '#events/ids';
import { ListQuerySchema } from '#shared/kernel/store/page-schemas';
import { textField } from '#shared/kernel/text-field';
import * as z from '#shared/kernel/validation';

export const ProgramSchema = z.object({
  id: ProgramId,
  groupId: GroupId,
  title: z.string(),
  description: z.string(),
  skills: z.array(z.string()),
  sessionsRequired: z.int(),
  createdAt: z.iso.datetime(),
});
export type Program = z.infer<typeof ProgramSchema>;

export const CreateProgramSchema = z.strictObject({
  groupId: GroupId,
  title: textField(200),
  description: textField(4000),
  skills: z.array(textField(60)).check(z.minLength(1), z.maxLength(20)),
  sessionsRequired: z.int().check(z.minimum(1), z.maximum(365)),
});
export type CreateProgram = z.output<typeof CreateProgramSchema>;

export const ListProgramsQuerySchema = z.extend(ListQuerySchema, { groupId: z.optional(GroupId) });
export type ListProgramsQuery = z.output<typeof ListProgramsQuerySchema>;

export const AssessmentSchema = z.strictObject({
  motivation: z.int().check(z.minimum(1), z.maximum(5)),
  notes: z.string().check(z.trim(), z.maxLength(2000)),
});

export const EnrollSchema = z.strictObject({
  participantId: ParticipantId,
  assessment: AssessmentSchema,
});
export type Enroll = z.output<typeof EnrollSchema>;

export const AttendanceSchema = z.strictObject({ date: z.iso.date(), present: z.boolean() });
export type Attendance = z.output<typeof AttendanceSchema>;

export const CompletionSchema = z.strictObject({
  score: z.int().check(z.minimum(0), z.maximum(100)),
  certificateNumber: z.optional(textField(64)),
  /**
   * The day an earlier cohort completed, entered later: today or up to two years back (checked against the clock by
   * the use-case); completedAt is then that day at 00:00 UTC
   */
  completedOn: z.optional(z.iso.date()),
});
export type Completion = z.output<typeof CompletionSchema>;

/** Private: the assessment is part of the participant's record. */
export const EnrollmentSchema = z.object({
  id: EnrollmentId,
  programId: ProgramId,
  participantId: ParticipantId,
  groupId: GroupId,
  status: z.enum(['enrolled', 'completed']),
  sessionsAttended: z.int(),
  sessionsRequired: z.int(),
  attendance: z.array(z.object({ date: z.iso.date(), present: z.boolean() })),
  /** notes are null once the participant's personal data was erased */
  assessment: z.object({ motivation: z.int(), notes: z.nullable(z.string()) }),
  score: z.nullable(z.int()),
  certificateNumber: z.nullable(z.string()),
  completedAt: z.nullable(z.iso.datetime()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Enrollment = z.infer<typeof EnrollmentSchema>;

/**
 * What enrolling, attendance and completion answer: the enrollment without its assessment. The facilitator
 * wrote it, but the notes are the participant's private data, shown only by the access-logged read of
 * GET /participants/{id}/enrollments, so a write's answer never carries them unrecorded.
 */
export const EnrollmentWithoutAssessmentSchema = z.omit(EnrollmentSchema, { assessment: true });
export type EnrollmentWithoutAssessment = z.infer<typeof EnrollmentWithoutAssessmentSchema>;

export function withoutAssessment({ assessment: _assessment, ...enrollment }: Enrollment): EnrollmentWithoutAssessment {
  return enrollment;
}

export const ProgramParamsSchema = z.object({ programId: ProgramId });
export const EnrollmentParamsSchema = z.object({ enrollmentId: EnrollmentId });
