import * as z from 'zod';
import { EnrollmentId, GroupId, ParticipantId, ProgramId } from '#events/ids';
import { ListQuerySchema } from '#shared/store/pagination';

const text = (max: number) => z.string().trim().min(1).max(max);

export const ProgramSchema = z.object({
  id: ProgramId,
  groupId: GroupId,
  title: z.string(),
  description: z.string(),
  skills: z.array(z.string()),
  sessionsRequired: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type Program = z.infer<typeof ProgramSchema>;

export const CreateProgramSchema = z.strictObject({
  groupId: GroupId,
  title: text(200),
  description: text(4000),
  skills: z.array(text(60)).min(1).max(20),
  sessionsRequired: z.number().int().min(1).max(365),
});
export type CreateProgram = z.output<typeof CreateProgramSchema>;

export const ListProgramsQuerySchema = ListQuerySchema.extend({ groupId: GroupId.optional() });
export type ListProgramsQuery = z.output<typeof ListProgramsQuerySchema>;

export const AssessmentSchema = z.strictObject({
  motivation: z.number().int().min(1).max(5),
  notes: z.string().trim().max(2000),
});

export const EnrollSchema = z.strictObject({
  participantId: ParticipantId,
  assessment: AssessmentSchema,
});
export type Enroll = z.output<typeof EnrollSchema>;

export const AttendanceSchema = z.strictObject({ date: z.iso.date(), present: z.boolean() });
export type Attendance = z.output<typeof AttendanceSchema>;

export const CompletionSchema = z.strictObject({
  score: z.number().int().min(0).max(100),
  certificateNumber: text(64).optional(),
});
export type Completion = z.output<typeof CompletionSchema>;

/** Private: the assessment is part of the participant's record. */
export const EnrollmentSchema = z.object({
  id: EnrollmentId,
  programId: ProgramId,
  participantId: ParticipantId,
  groupId: GroupId,
  status: z.enum(['enrolled', 'completed']),
  sessionsAttended: z.number().int(),
  sessionsRequired: z.number().int(),
  attendance: z.array(z.object({ date: z.iso.date(), present: z.boolean() })),
  assessment: z.object({ motivation: z.number().int(), notes: z.string() }),
  score: z.number().int().nullable(),
  certificateNumber: z.string().nullable(),
  completedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Enrollment = z.infer<typeof EnrollmentSchema>;

export const ProgramParamsSchema = z.object({ programId: ProgramId });
export const EnrollmentParamsSchema = z.object({ enrollmentId: EnrollmentId });
