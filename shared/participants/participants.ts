import { ParticipantRegistered } from '#events/participant-registered';
import { type Caller, hasRole, isParticipant } from '#shared/kernel/auth/caller';
import type { Clock } from '#shared/kernel/clock';
import { BusinessRuleError, ConflictError, ForbiddenError, NotFoundError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import { type AccessLogDeps, recordAccess } from '#shared/kernel/access-log/access-log';
import { pendingEvent } from '#shared/kernel/store/outbox';
import type { Page, PageRequest } from '#shared/kernel/store/page-schemas';
import type { ArtisanStore, ParticipantStore } from './ports.ts';
import type { Artisan, Participant, RegisterParticipant } from './schemas.ts';
import { canSeeParticipant, canSeeRoster } from '#shared/kernel/auth/private-view';

export interface ParticipantDeps {
  participants: ParticipantStore;
  clock: Clock;
}

export async function registerParticipant(deps: ParticipantDeps, caller: Caller, input: RegisterParticipant): Promise<Participant> {
  if (!hasRole(caller, 'officer')) throw new ForbiddenError('Only a Bapas officer registers participants');
  const now = deps.clock.now().toISOString();
  const participant: Participant = {
    id: newId('prt'),
    legalName: input.legalName,
    registerNumber: input.registerNumber,
    groupId: input.groupId,
    supervisionEndsOn: input.supervisionEndsOn,
    phone: input.phone ?? null,
    officerSub: caller.sub,
    sellerStatus: 'not_eligible',
    profile: { displayName: null, story: null, publicConsent: false },
    createdAt: now,
    updatedAt: now,
    erasedAt: null,
  };
  await deps.participants.register(
    participant,
    pendingEvent(ParticipantRegistered, { participantId: participant.id, groupId: participant.groupId }, now),
  );
  return participant;
}

/** Strangers get 404, not 403: whether someone is in the programme is itself private. */
async function visibleParticipant(deps: Pick<ParticipantDeps, 'participants'>, caller: Caller, participantId: string) {
  const participant = await deps.participants.get(participantId);
  if (!participant || !canSeeParticipant(caller, participant)) throw new NotFoundError('Participant');
  return participant;
}

/** The private record, shown only once the read is in the participant's access log. */
export async function getParticipant(deps: ParticipantDeps & AccessLogDeps, caller: Caller, participantId: string): Promise<Participant> {
  const participant = await visibleParticipant(deps, caller, participantId);
  await recordAccess(deps, caller, 'participant.read', [participant.id]);
  return participant;
}

/** Every participant on the page gets a record in their own access log before the page is shown. */
export async function listGroupParticipants(
  deps: ParticipantDeps & AccessLogDeps,
  caller: Caller,
  groupId: string,
  page: PageRequest,
): Promise<Page<Participant>> {
  if (!canSeeRoster(caller, groupId)) throw new ForbiddenError("Only the group's facilitators, officers and admins see its roster");
  const roster = await deps.participants.listByGroup(groupId, page);
  await recordAccess(
    deps,
    caller,
    'roster.read',
    roster.items.map((participant) => participant.id),
  );
  return roster;
}

/** The answer is the participant's private record, so it is recorded like GET /participants/{id}, after the write. */
export async function updateProfile(
  deps: ParticipantDeps & AccessLogDeps,
  caller: Caller,
  participantId: string,
  profile: Participant['profile'],
): Promise<Participant> {
  const current = await visibleParticipant(deps, caller, participantId);
  if (!isParticipant(caller, participantId)) throw new ForbiddenError('Only the participant edits their own profile');
  if (current.erasedAt !== null) throw new ConflictError("The participant's personal data was erased");
  if (profile.publicConsent && profile.displayName === null) {
    throw new BusinessRuleError('A public profile needs a display name');
  }
  const updated = await deps.participants.updateProfile(participantId, profile, deps.clock.now().toISOString());
  await recordAccess(deps, caller, 'profile.update', [participantId]);
  return updated;
}

export async function getArtisan(deps: { artisans: ArtisanStore }, participantId: string): Promise<Artisan> {
  const participant = await deps.artisans.publicProfile(participantId);
  const { displayName, story, publicConsent } = participant?.profile ?? {};
  if (!participant || !publicConsent || !displayName) throw new NotFoundError('Artisan');
  return { id: participant.id, displayName, story: story ?? null, groupId: participant.groupId };
}

/** Consumer of TrainingCompleted. Idempotent: a repeat finds the participant eligible and writes nothing. */
export function markSellerEligible(deps: ParticipantDeps, participantId: string): Promise<boolean> {
  return deps.participants.markEligible(participantId, deps.clock.now().toISOString());
}
