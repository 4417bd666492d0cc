import { PlacementEnded } from '#events/placement-ended';
import { PlacementStarted } from '#events/placement-started';
import { type Caller, hasRole, isFacilitatorOf } from '#shared/kernel/auth/caller';
import { type AccessLogDeps, recordAccess } from '#shared/kernel/access-log/access-log';
import type { Clock } from '#shared/kernel/clock';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import { pendingEvent } from '#shared/kernel/store/outbox';
import type { Page, PageRequest } from '#shared/kernel/store/page-schemas';
import { isWritable, latestToday, visibleParticipant } from './participant-access.ts';
import type { PlacementStore, ProgrammeSources } from './ports.ts';
import type { EndPlacement, Placement, StartPlacement } from './schemas.ts';

export interface PlacementDeps {
  placements: PlacementStore;
  sources: ProgrammeSources;
  clock: Clock;
}

/** The group's facilitators place their participants; the Bapas' officers find placements too. */
function checkMayPlace(caller: Caller, groupId: string): void {
  if (!(isFacilitatorOf(caller, groupId) || hasRole(caller, 'officer')))
    throw new ForbiddenError("Only the participant's group's facilitators and officers record placements");
}

const alreadyEnded = () => new ConflictError('The placement has ended already');

export async function startPlacement(
  deps: PlacementDeps,
  caller: Caller,
  participantId: string,
  input: StartPlacement,
): Promise<Placement> {
  const standing = await deps.sources.participant(participantId);
  if (!isWritable(caller, participantId, standing)) throw new NotFoundError('Participant');
  const { groupId } = standing;
  checkMayPlace(caller, groupId);
  if (input.endsOn !== undefined && input.endsOn < input.startedOn)
    throw new InvalidInputError('A placement ends after it starts', [{ path: 'body.endsOn', message: 'Must not be before startedOn' }]);

  const createdAt = deps.clock.now().toISOString();
  const placement: Placement = {
    id: newId('plc'),
    participantId,
    groupId,
    kind: input.kind,
    organisation: input.organisation,
    sector: input.sector,
    startedOn: input.startedOn,
    endsOn: input.endsOn ?? null,
    status: 'active',
    endedOn: null,
    outcome: null,
    createdAt,
  };
  const event = pendingEvent(PlacementStarted, { placementId: placement.id, participantId, groupId, kind: placement.kind }, createdAt);
  if ((await deps.placements.start(placement, event)) === 'participant-gone') throw new NotFoundError('Participant');
  return placement;
}

/** Ends an active placement, once: the write is conditional, so of two concurrent ends exactly one wins and the other is a 409. */
export async function endPlacement(deps: PlacementDeps, caller: Caller, placementId: string, input: EndPlacement): Promise<Placement> {
  const current = await deps.placements.get(placementId);
  if (!current) throw new NotFoundError('Placement');
  const { participantId, groupId } = current;
  // A placement of a participant the caller may not see (or who was erased) is not there for them.
  if (!isWritable(caller, participantId, await deps.sources.participant(participantId))) throw new NotFoundError('Placement');
  checkMayPlace(caller, groupId);
  if (current.status !== 'active') throw alreadyEnded();
  const now = deps.clock.now();
  if (input.endedOn < current.startedOn)
    throw new InvalidInputError('A placement ends after it starts', [{ path: 'body.endedOn', message: 'Must not be before startedOn' }]);
  if (input.endedOn > latestToday(now))
    throw new InvalidInputError('An end is recorded once it happened', [{ path: 'body.endedOn', message: 'Must not be in the future' }]);

  const ended: Placement = { ...current, status: 'ended', endedOn: input.endedOn, outcome: input.outcome };
  const event = pendingEvent(
    PlacementEnded,
    { placementId, participantId, groupId, kind: current.kind, outcome: input.outcome },
    now.toISOString(),
  );
  const outcome = await deps.placements.end(ended, event);
  if (outcome === 'not-active') throw alreadyEnded();
  if (outcome === 'participant-gone') throw new NotFoundError('Placement');
  return ended;
}

/** The participant's private view, newest first; each read is recorded. */
export async function listPlacements(
  deps: Pick<PlacementDeps, 'placements' | 'sources'> & AccessLogDeps,
  caller: Caller,
  participantId: string,
  page: PageRequest,
): Promise<Page<Placement>> {
  await visibleParticipant(deps.sources, caller, participantId);
  await recordAccess(deps, caller, 'placements.read', [participantId]);
  return deps.placements.list(participantId, page);
}
