import type { Caller } from '#shared/kernel/auth/caller';
import { canSeeParticipant } from '#shared/kernel/auth/private-view';
import { NotFoundError } from '#shared/kernel/errors';
import type { ParticipantStanding, ProgrammeSources } from './ports.ts';

/** The private view: the participant, their group's facilitators, officers and admins; anyone else gets 404, as for the record itself. */
export function checkVisible(caller: Caller, participantId: string, standing: ParticipantStanding | undefined): ParticipantStanding {
  if (!standing || !canSeeParticipant(caller, { id: participantId, groupId: standing.groupId })) throw new NotFoundError('Participant');
  return standing;
}

export async function visibleParticipant(sources: ProgrammeSources, caller: Caller, participantId: string): Promise<ParticipantStanding> {
  return checkVisible(caller, participantId, await sources.participant(participantId));
}

/** A write also needs a participant whose personal data was not erased: new notes about an erased person would undo it. */
export function checkWritable(caller: Caller, participantId: string, standing: ParticipantStanding | undefined): ParticipantStanding {
  const visible = checkVisible(caller, participantId, standing);
  if (visible.erased) throw new NotFoundError('Participant');
  return visible;
}

/** What happened is recorded on or after its day; "today" is the recorder's, up to 9 hours ahead of UTC. */
export function latestToday(now: Date): string {
  return new Date(now.getTime() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
