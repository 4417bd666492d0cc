import type { Caller } from '#shared/kernel/auth/caller';
import { canSeeParticipant } from '#shared/kernel/auth/private-view';
import { NotFoundError } from '#shared/kernel/errors';
import type { ParticipantStanding, ProgrammeSources } from './ports.ts';

/** The private view: the participant, their group's facilitators, officers and admins. */
const isVisible = (caller: Caller, participantId: string, standing: ParticipantStanding | undefined): standing is ParticipantStanding =>
  standing !== undefined && canSeeParticipant(caller, { id: participantId, groupId: standing.groupId });

/** A list's check: anyone the private view hides the participant from gets 404, as for the record itself. */
export async function visibleParticipant(sources: ProgrammeSources, caller: Caller, participantId: string): Promise<ParticipantStanding> {
  const standing = await sources.participant(participantId);
  if (!isVisible(caller, participantId, standing)) throw new NotFoundError('Participant');
  return standing;
}

/** A write's check also needs a participant whose personal data was not erased: new notes about an erased person would undo it. */
export const isWritable = (
  caller: Caller,
  participantId: string,
  standing: ParticipantStanding | undefined,
): standing is ParticipantStanding => isVisible(caller, participantId, standing) && !standing.erased;

/** What happened is recorded on or after its day; "today" is the recorder's, up to 9 hours ahead of UTC. */
export function latestToday(now: Date): string {
  return new Date(now.getTime() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
