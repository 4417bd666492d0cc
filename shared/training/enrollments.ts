import { TrainingCompleted } from '#events/training-completed';
import { TrainingEnrolled } from '#events/training-enrolled';
import { type Caller, hasRole, isFacilitatorOf } from '#shared/kernel/auth/caller';
import type { Clock } from '#shared/kernel/clock';
import { addDays, addMonths, utcDate } from '#shared/kernel/calendar';
import { BusinessRuleError, ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import { pendingEvent } from '#shared/kernel/store/outbox';
import type { Page, PageRequest } from '#shared/kernel/store/page-schemas';
import { canSeeParticipant } from '#shared/kernel/auth/private-view';
import { type AccessLogDeps, recordAccess } from '#shared/kernel/access-log/access-log';
import type { ParticipantDirectory } from '#shared/participants/ports';
import type { EnrollmentStore, ProgramStore } from './ports.ts';
import {
  type Attendance,
  type Completion,
  type Enroll,
  type Enrollment,
  type EnrollmentWithoutAssessment,
  withoutAssessment,
} from './schemas.ts';

export interface EnrollmentDeps {
  programs: ProgramStore;
  enrollments: EnrollmentStore;
  directory: ParticipantDirectory;
  clock: Clock;
}

export async function enrollParticipant(
  deps: EnrollmentDeps,
  caller: Caller,
  programId: string,
  input: Enroll,
): Promise<EnrollmentWithoutAssessment> {
  if (!hasRole(caller, 'facilitator')) throw new ForbiddenError('Only facilitators enroll participants');
  const program = await deps.programs.get(programId);
  if (!program) throw new NotFoundError('Program');
  if (!isFacilitatorOf(caller, program.groupId)) throw new ForbiddenError("Only the program's group facilitators enroll participants");
  if ((await deps.directory.groupOf(input.participantId)) !== program.groupId) {
    throw new BusinessRuleError("The participant is not in this program's group");
  }
  const now = deps.clock.now().toISOString();
  const enrollment: Enrollment = {
    id: newId('enr'),
    programId,
    participantId: input.participantId,
    groupId: program.groupId,
    status: 'enrolled',
    sessionsAttended: 0,
    sessionsRequired: program.sessionsRequired,
    attendance: [],
    assessment: input.assessment,
    score: null,
    certificateNumber: null,
    completedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const { id: enrollmentId, participantId, groupId } = enrollment;
  await deps.enrollments.enroll(enrollment, pendingEvent(TrainingEnrolled, { enrollmentId, programId, participantId, groupId }, now));
  return withoutAssessment(enrollment);
}

/** Enrollments are private records: a facilitator of another group finds nothing. */
async function enrollmentForFacilitator(deps: Pick<EnrollmentDeps, 'enrollments'>, caller: Caller, enrollmentId: string) {
  if (!hasRole(caller, 'facilitator')) throw new ForbiddenError('Only facilitators keep training records');
  const enrollment = await deps.enrollments.get(enrollmentId);
  if (!enrollment || !isFacilitatorOf(caller, enrollment.groupId)) throw new NotFoundError('Enrollment');
  if (enrollment.status === 'completed') throw new ConflictError('The training is already completed');
  return enrollment;
}

/** A date is one session: recording it again only corrects whether the participant was present. */
export async function recordAttendance(
  deps: EnrollmentDeps,
  caller: Caller,
  enrollmentId: string,
  attendance: Attendance,
): Promise<EnrollmentWithoutAssessment> {
  await enrollmentForFacilitator(deps, caller, enrollmentId);
  const now = deps.clock.now();
  const tomorrow = new Date(now.getTime() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  // Indonesia runs ahead of UTC, so "today" there may be tomorrow in UTC; later than that is a mistake.
  if (attendance.date > tomorrow) throw new BusinessRuleError('Attendance cannot be recorded for a future date');
  return withoutAssessment(await deps.enrollments.recordAttendance(enrollmentId, attendance, now.toISOString()));
}

export async function completeTraining(
  deps: EnrollmentDeps,
  caller: Caller,
  enrollmentId: string,
  completion: Completion,
): Promise<EnrollmentWithoutAssessment> {
  const enrollment = await enrollmentForFacilitator(deps, caller, enrollmentId);
  if (enrollment.sessionsAttended < enrollment.sessionsRequired) {
    throw new BusinessRuleError(`Attended ${enrollment.sessionsAttended} of ${enrollment.sessionsRequired} required sessions`);
  }
  const now = deps.clock.now();
  const updatedAt = now.toISOString();
  const completedAt = completion.completedOn === undefined ? updatedAt : completedOnAt(completion.completedOn, now);
  const { programId, participantId, groupId } = enrollment;
  const completed = await deps.enrollments.complete(
    enrollmentId,
    completion,
    { completedAt, updatedAt },
    // The event is the recording, so it occurs now (the report counts it today, as every other event by its time);
    // its data carries when the training was completed.
    pendingEvent(TrainingCompleted, { enrollmentId, programId, participantId, groupId, score: completion.score, completedAt }, updatedAt),
  );
  return withoutAssessment(completed);
}

/**
 * An earlier cohort's completion day, at 00:00 UTC: today or up to two years back. "Today" is the facilitator's, up
 * to a day ahead of UTC (Indonesia runs ahead of it), as for attendance; anything else is a 400 naming the field.
 */
function completedOnAt(completedOn: string, now: Date): string {
  const today = utcDate(now);
  const latest = addDays(today, 1);
  const earliest = addMonths(today, -24);
  if (completedOn > latest || completedOn < earliest)
    throw new InvalidInputError('A completion is dated today or up to two years back', [
      { path: 'body.completedOn', message: `Must be a date from ${earliest} to ${latest}` },
    ]);
  return `${completedOn}T00:00:00.000Z`;
}

/** Assessments are private: the read is in the participant's access log before the page is shown (even an empty one). */
export async function listParticipantEnrollments(
  deps: Pick<EnrollmentDeps, 'enrollments' | 'directory'> & AccessLogDeps,
  caller: Caller,
  participantId: string,
  page: PageRequest,
): Promise<Page<Enrollment>> {
  const groupId = await deps.directory.groupOf(participantId);
  if (!groupId || !canSeeParticipant(caller, { id: participantId, groupId })) throw new NotFoundError('Participant');
  const enrollments = await deps.enrollments.listByParticipant(participantId, page);
  await recordAccess(deps, caller, 'enrollments.read', [participantId]);
  return enrollments;
}
