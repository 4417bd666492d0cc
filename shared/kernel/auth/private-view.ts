import { type Caller, hasRole, isFacilitatorOf, isParticipant } from '#shared/kernel/auth/caller';

/** Who may see a participant's private record (CONTRACT §3 Participants). */
export function canSeeParticipant(caller: Caller, participant: { id: string; groupId: string }): boolean {
  return hasRole(caller, 'admin', 'officer') || isFacilitatorOf(caller, participant.groupId) || isParticipant(caller, participant.id);
}

/** Who may read a group's roster. */
export function canSeeRoster(caller: Caller, groupId: string): boolean {
  return hasRole(caller, 'admin', 'officer') || isFacilitatorOf(caller, groupId);
}
