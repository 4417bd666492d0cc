import type { PendingEvent } from '#shared/kernel/store/outbox';
import type { Page, PageRequest } from '#shared/kernel/store/pagination';
import type { MentoringSession, Placement } from './schemas.ts';

/** What the programme needs to know of a participant: their group, and whether their personal data was erased. */
export interface ParticipantStanding {
  groupId: string;
  erased: boolean;
}

/** Records of other contexts that the programme reads and never writes. */
export interface ProgrammeSources {
  /** undefined when there is no such participant */
  participant(participantId: string): Promise<ParticipantStanding | undefined>;
}

/**
 * 'participant-gone': the participant was erased (or left the group) between the read and the write; nothing was
 * written. Every write checks it in its own transaction, so no new private data follows an erasure.
 */
export type MentoringOutcome = 'recorded' | 'participant-gone';
export type PlacementStartOutcome = 'started' | 'participant-gone';
export type PlacementEndOutcome = 'ended' | 'not-active' | 'participant-gone';

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
