import type { PendingEvent } from '#shared/kernel/store/outbox';
import type { Page, PageRequest } from '#shared/kernel/store/page-schemas';
import type { FollowUp, FollowUpDue, ListFollowUpsQuery, MentoringSession, Placement } from './schemas.ts';

/** What the programme needs to know of a participant: their group, and whether their personal data was erased. */
export interface ParticipantStanding {
  groupId: string;
  erased: boolean;
}

/** Records of other contexts that the programme reads and never writes. */
export interface ProgrammeSources {
  /** undefined when there is no such participant */
  participant(participantId: string): Promise<ParticipantStanding | undefined>;
  /** The training's enrollment as a follow-up needs it (strongly consistent); undefined when there is no such enrollment. */
  enrollment(enrollmentId: string): Promise<EnrollmentStanding | undefined>;
}

/** What a follow-up needs of an enrollment: whose it is and when (whether) it was completed. */
export interface EnrollmentStanding {
  participantId: string;
  groupId: string;
  status: 'enrolled' | 'completed';
  completedAt: string | null;
}

/** A follow-up slot of a completed training, opened on TrainingCompleted. */
export interface FollowUpSlot {
  participantId: string;
  groupId: string;
  enrollmentId: string;
  monthsAfter: FollowUp['monthsAfter'];
  dueOn: string;
}

/**
 * 'participant-gone': the participant was erased (or left the group) between the read and the write; nothing was
 * written. Every write checks it in its own transaction, so no new private data follows an erasure.
 */
export type MentoringOutcome = 'recorded' | 'participant-gone';
export type PlacementStartOutcome = 'started' | 'participant-gone';
export type PlacementEndOutcome = 'ended' | 'not-active' | 'participant-gone';
/** 'duplicate': this enrollment's follow-up for that month was recorded before (or by a concurrent request). */
export type FollowUpOutcome = 'recorded' | 'duplicate' | 'participant-gone';

export interface MentoringStore {
  /** One transaction: the session, MentoringRecorded and the check that the participant is still in the group, unerased. */
  record(session: MentoringSession, event: PendingEvent): Promise<MentoringOutcome>;
  /** Newest first by the session's date. */
  list(participantId: string, page: PageRequest): Promise<Page<MentoringSession>>;
  /** Every session of the participant, newest first, strongly consistent (for their export). */
  allOf(participantId: string): Promise<MentoringSession[]>;
  /** Removes the notes of every session of the participant; repeating it is harmless. */
  eraseNotes(participantId: string, erasedAt: string): Promise<void>;
}

export interface PlacementStore {
  /** One transaction: the placement, its lookup by id, PlacementStarted and the participant's check. */
  start(placement: Placement, event: PendingEvent): Promise<PlacementStartOutcome>;
  /** Strongly consistent; undefined when there is no such placement. */
  get(placementId: string): Promise<Placement | undefined>;
  /** One transaction, conditional on the placement being active still: of two concurrent ends, one is 'not-active'. */
  end(ended: Placement, event: PendingEvent): Promise<PlacementEndOutcome>;
  /** Newest first. */
  list(participantId: string, page: PageRequest): Promise<Page<Placement>>;
  /** Every placement of the participant, newest first, strongly consistent (for their export). */
  allOf(participantId: string): Promise<Placement[]>;
  /** Removes the organisation of every placement of the participant; repeating it is harmless. */
  eraseOrganisations(participantId: string, erasedAt: string): Promise<void>;
}

export interface FollowUpStore {
  /**
   * Opens each slot unless it exists (open or recorded): a conditional Put per slot, so a repeated TrainingCompleted,
   * or one that comes after a follow-up was recorded, changes nothing. Answers how many it opened.
   */
  open(slots: readonly FollowUpSlot[]): Promise<number>;
  /**
   * One transaction: the record in its slot's item if none was recorded there (moving it to the group's done
   * partition, whether or not the slot was opened yet), FollowUpRecorded and the participant's check.
   */
  record(followUp: FollowUp, event: PendingEvent): Promise<FollowUpOutcome>;
  /** A group's slots by status as of `today` (a UTC date), by dueOn: open ones oldest first, done ones newest first. */
  list(groupId: string, query: ListFollowUpsQuery, today: string): Promise<Page<FollowUpDue>>;
  /** Every recorded follow-up of the participant, strongly consistent (for their export). */
  allOf(participantId: string): Promise<FollowUp[]>;
  /** Removes the notes of every follow-up of the participant (codes and figures stay); repeating it is harmless. */
  eraseNotes(participantId: string, erasedAt: string): Promise<void>;
}
