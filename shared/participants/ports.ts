import type { Page, PageRequest } from '#shared/kernel/store/page-schemas';
import type { PendingEvent } from '#shared/kernel/store/outbox';
import type { Group, Participant, Profile } from './schemas.ts';

export interface GroupStore {
  create(group: Group): Promise<void>;
  get(groupId: string): Promise<Group | undefined>;
  list(page: PageRequest): Promise<Page<Group>>;
}

export interface ParticipantStore {
  /** Stores the participant and its event together; BusinessRuleError when the group does not exist. */
  register(participant: Participant, event: PendingEvent): Promise<void>;
  get(participantId: string): Promise<Participant | undefined>;
  listByGroup(groupId: string, page: PageRequest): Promise<Page<Participant>>;
  /** ConflictError once the participant's personal data was erased. */
  updateProfile(participantId: string, profile: Profile, updatedAt: string): Promise<Participant>;
  /**
   * Removes legalName, registerNumber and phone, empties the profile (consent withdrawn) and sets erasedAt, once;
   * a repeat changes nothing. The participant as it now is, or undefined when there is none.
   */
  erase(participantId: string, erasedAt: string): Promise<Participant | undefined>;
  /** True when this call made the participant eligible, false when it already was. */
  markEligible(participantId: string, updatedAt: string): Promise<boolean>;
}

/** A participant's public profile alone, for the public artisan page, which may read nothing else of them. */
export interface ArtisanStore {
  publicProfile(participantId: string): Promise<Pick<Participant, 'id' | 'groupId' | 'profile'> | undefined>;
}

/** The little other contexts (training, earnings, reports) need to know about a participant: their group. */
export interface ParticipantDirectory {
  groupOf(participantId: string): Promise<string | undefined>;
}
