import type { Page, PageRequest } from '#shared/kernel/store/page-schemas';
import type { PendingEvent } from '#shared/kernel/store/outbox';
import type { Attendance, Completion, Enrollment, Program } from './schemas.ts';

export interface ProgramStore {
  /** BusinessRuleError when the group does not exist. */
  create(program: Program): Promise<void>;
  get(programId: string): Promise<Program | undefined>;
  list(groupId: string | undefined, page: PageRequest): Promise<Page<Program>>;
}

export interface EnrollmentStore {
  /**
   * Stores the enrollment with its event. ConflictError when the participant is already
   * in the program; BusinessRuleError when they are not (or no longer) in its group.
   */
  enroll(enrollment: Enrollment, event: PendingEvent): Promise<void>;
  get(enrollmentId: string): Promise<Enrollment | undefined>;
  /** ConflictError once the enrollment is completed. */
  recordAttendance(enrollmentId: string, attendance: Attendance, updatedAt: string): Promise<Enrollment>;
  /**
   * ConflictError when already completed; BusinessRuleError when sessions are missing. `completedAt` is when the
   * training was completed (an earlier day's midnight for an earlier cohort), `updatedAt` when it was recorded.
   */
  complete(
    enrollmentId: string,
    completion: Completion,
    at: { completedAt: string; updatedAt: string },
    event: PendingEvent,
  ): Promise<Enrollment>;
  listByParticipant(participantId: string, page: PageRequest): Promise<Page<Enrollment>>;
  /** Removes the assessment notes of every enrollment of the participant; idempotent. */
  eraseNotes(participantId: string, erasedAt: string): Promise<void>;
}
