import { FollowUpRecorded } from '#events/follow-up-recorded';
import { type AccessLogDeps, recordAccess } from '#shared/kernel/access-log/access-log';
import { type Caller, hasRole, isFacilitatorOf } from '#shared/kernel/auth/caller';
import { canSeeRoster } from '#shared/kernel/auth/private-view';
import { utcDate } from '#shared/kernel/calendar';
import type { Clock } from '#shared/kernel/clock';
import { BusinessRuleError, ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import { pendingEvent } from '#shared/kernel/store/outbox';
import type { Page } from '#shared/kernel/store/page-schemas';
import { followUpDueOn, followUpMonths } from './follow-up-schedule.ts';
import { isWritable, latestToday } from './participant-access.ts';
import type { FollowUpSlot, FollowUpStore, ProgrammeSources } from './ports.ts';
import type { FollowUp, FollowUpDue, ListFollowUpsQuery, RecordFollowUp } from './schemas.ts';

export interface FollowUpDeps {
  followUps: FollowUpStore;
  sources: ProgrammeSources;
  clock: Clock;
}

/** The three slots of a completed training, 3, 6 and 12 calendar months after its completion. */
export function followUpSlotsOf(completed: Omit<FollowUpSlot, 'monthsAfter' | 'dueOn'> & { completedAt: string }): FollowUpSlot[] {
  const { completedAt, ...slot } = completed;
  return followUpMonths.map((monthsAfter) => ({ ...slot, monthsAfter, dueOn: followUpDueOn(completedAt, monthsAfter) }));
}

/** On TrainingCompleted: opens the training's follow-ups; a repeated event opens nothing. */
export async function openFollowUps(
  deps: Pick<FollowUpDeps, 'followUps'>,
  completed: { participantId: string; groupId: string; enrollmentId: string; completedAt: string },
): Promise<number> {
  return deps.followUps.open(followUpSlotsOf(completed));
}

/** The group's facilitators follow their participants up, and the Bapas' officers do too; admins do not. */
function checkMayFollowUp(caller: Caller, groupId: string): void {
  if (!(isFacilitatorOf(caller, groupId) || hasRole(caller, 'officer')))
    throw new ForbiddenError("Only the participant's group's facilitators and officers record follow-ups");
}

/**
 * Records one follow-up of a completed training, once per enrollment and month: the enrollment itself (not the slot
 * the consumer opens) decides whether it is this participant's completed training, so it works before the slots exist.
 */
export async function recordFollowUp(deps: FollowUpDeps, caller: Caller, participantId: string, input: RecordFollowUp): Promise<FollowUp> {
  const standing = await deps.sources.participant(participantId);
  if (!isWritable(caller, participantId, standing)) throw new NotFoundError('Participant');
  const { groupId } = standing;
  checkMayFollowUp(caller, groupId);
  const now = deps.clock.now();
  if (input.contactedOn > latestToday(now))
    throw new InvalidInputError('A follow-up is recorded once the participant was contacted', [
      { path: 'body.contactedOn', message: 'Must not be in the future' },
    ]);
  const enrollment = await deps.sources.enrollment(input.enrollmentId);
  if (!enrollment || enrollment.participantId !== participantId || enrollment.status !== 'completed' || enrollment.completedAt === null)
    throw new BusinessRuleError("A follow-up is of one of the participant's completed trainings", [
      { path: 'body.enrollmentId', message: "Must be a completed training of this participant's" },
    ]);

  const createdAt = now.toISOString();
  const followUp: FollowUp = {
    id: newId('fup'),
    participantId,
    groupId,
    enrollmentId: input.enrollmentId,
    monthsAfter: input.monthsAfter,
    dueOn: followUpDueOn(enrollment.completedAt, input.monthsAfter),
    contactedOn: input.contactedOn,
    working: input.working,
    monthlyIncomeBand: input.monthlyIncomeBand,
    stillSelling: input.stillSelling,
    notes: input.notes ?? null,
    recordedBy: caller.sub,
    createdAt,
  };
  const event = pendingEvent(
    FollowUpRecorded,
    { followUpId: followUp.id, participantId, groupId, enrollmentId: followUp.enrollmentId, monthsAfter: followUp.monthsAfter },
    createdAt,
  );
  const outcome = await deps.followUps.record(followUp, event);
  if (outcome === 'duplicate') throw new ConflictError(`The ${input.monthsAfter}-month follow-up of this training is recorded already`);
  if (outcome === 'participant-gone') throw new NotFoundError('Participant');
  return followUp;
}

/**
 * A group's follow-ups by status, as of today (UTC). Who is due for a follow-up is private, so anyone who may not see
 * the group's roster gets 404, and every participant on the page gets a record in their access log before it is shown.
 */
export async function listGroupFollowUps(
  deps: Pick<FollowUpDeps, 'followUps' | 'clock'> & AccessLogDeps,
  caller: Caller,
  groupId: string,
  query: ListFollowUpsQuery,
): Promise<Page<FollowUpDue>> {
  if (!canSeeRoster(caller, groupId)) throw new NotFoundError('Group');
  const found = await deps.followUps.list(groupId, query, utcDate(deps.clock.now()));
  await recordAccess(deps, caller, 'follow-ups.read', [...new Set(found.items.map((item) => item.participantId))]);
  return found;
}
