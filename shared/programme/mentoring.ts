import { MentoringRecorded } from '#events/mentoring-recorded';
import { type Caller, isFacilitatorOf } from '#shared/kernel/auth/caller';
import { type AccessLogDeps, recordAccess } from '#shared/kernel/access-log/access-log';
import type { Clock } from '#shared/kernel/clock';
import { ForbiddenError, InvalidInputError, NotFoundError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import { pendingEvent } from '#shared/kernel/store/outbox';
import type { Page, PageRequest } from '#shared/kernel/store/page-schemas';
import { isWritable, latestToday, visibleParticipant } from './participant-access.ts';
import type { MentoringStore, ProgrammeSources } from './ports.ts';
import type { MentoringSession, RecordMentoring } from './schemas.ts';

export interface MentoringDeps {
  mentoring: MentoringStore;
  sources: ProgrammeSources;
  clock: Clock;
}

/** A session of the participant's group's facilitator: officers follow the programme, they do not mentor in it. */
export async function recordMentoring(
  deps: MentoringDeps,
  caller: Caller,
  participantId: string,
  input: RecordMentoring,
): Promise<MentoringSession> {
  const standing = await deps.sources.participant(participantId);
  if (!isWritable(caller, participantId, standing)) throw new NotFoundError('Participant');
  const { groupId } = standing;
  if (!isFacilitatorOf(caller, groupId)) throw new ForbiddenError("Only the participant's group's facilitators record mentoring");
  const now = deps.clock.now();
  if (input.date > latestToday(now))
    throw new InvalidInputError('A session is recorded once it took place', [{ path: 'body.date', message: 'Must not be in the future' }]);

  const createdAt = now.toISOString();
  const session: MentoringSession = {
    id: newId('mtr'),
    participantId,
    groupId,
    date: input.date,
    topic: input.topic,
    durationMinutes: input.durationMinutes,
    notes: input.notes ?? null,
    mentorSub: caller.sub,
    createdAt,
  };
  const event = pendingEvent(MentoringRecorded, { sessionId: session.id, participantId, groupId, topic: session.topic }, createdAt);
  if ((await deps.mentoring.record(session, event)) === 'participant-gone') throw new NotFoundError('Participant');
  return session;
}

/** The participant's private view, newest first; each read is recorded. */
export async function listMentoring(
  deps: Pick<MentoringDeps, 'mentoring' | 'sources'> & AccessLogDeps,
  caller: Caller,
  participantId: string,
  page: PageRequest,
): Promise<Page<MentoringSession>> {
  await visibleParticipant(deps.sources, caller, participantId);
  await recordAccess(deps, caller, 'mentoring.read', [participantId]);
  return deps.mentoring.list(participantId, page);
}
