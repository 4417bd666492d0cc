import type { Caller } from '#shared/kernel/auth/caller';
import { createGroup, type GroupDeps } from '#shared/participants/groups';
import { type ParticipantDeps, registerParticipant } from '#shared/participants/participants';

export const admin: Caller = { sub: 'admin', roles: ['admin'] };
export const officer: Caller = { sub: 'officer-7', roles: ['officer'] };

/**
 * A group made by the admin and Siti Aminah registered in it by officer-7, through the use-cases on the stores
 * given (fakes, in unit tests), with the callers who are Siti herself and her group's facilitator.
 */
export async function registeredParticipant(deps: GroupDeps & ParticipantDeps) {
  const group = await createGroup(deps, admin, { name: 'BSL', focus: 'Sampah', district: 'Mataram', participantSharePercent: 80 });
  const participant = await registerParticipant(deps, officer, {
    legalName: 'Siti Aminah',
    registerNumber: 'PK-001',
    groupId: group.id,
    supervisionEndsOn: '2027-06-30',
    phone: '+6281234567890',
  });
  const self: Caller = { sub: 'p', roles: ['participant'], participantId: participant.id };
  const facilitator: Caller = { sub: 'f', roles: ['facilitator'], groupId: group.id };
  return { group, participant, self, facilitator };
}
