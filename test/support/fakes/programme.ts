import type { PendingEvent } from '#shared/kernel/store/outbox';
import { followUpStatus, dueUntil, overdueBefore } from '#shared/programme/follow-up-schedule';
import type {
  EnrollmentStanding,
  FollowUpSlot,
  FollowUpStore,
  MentoringStore,
  ParticipantStanding,
  PlacementStore,
  ProgrammeSources,
} from '#shared/programme/ports';
import type { FollowUp, MentoringSession, Placement } from '#shared/programme/schemas';
import { pageOf } from './page.ts';

/**
 * In-memory programme stores over a map of participants. Each write checks the participant as the DynamoDB
 * adapters' transactions do (same group, not erased) and keeps its event only when it writes.
 */
export function fakeProgramme(
  participants: Record<string, ParticipantStanding> = {},
  enrollments: Record<string, EnrollmentStanding> = {},
) {
  const standings = new Map(Object.entries(participants));
  const enrollmentStandings = new Map(Object.entries(enrollments));
  /** By `<enr>#<months>`: an open slot, or a slot with its record. */
  const followUps = new Map<string, FollowUpSlot & { record?: FollowUp }>();
  const sessions: MentoringSession[] = [];
  const placements = new Map<string, Placement>();
  const events: { detailType: string; data: unknown }[] = [];
  const publish = ({ contract, data }: PendingEvent) => void events.push({ detailType: contract.detailType, data });
  const writable = (participantId: string, groupId: string) => {
    const standing = standings.get(participantId);
    return standing !== undefined && standing.groupId === groupId && !standing.erased;
  };
  const ofParticipant = (participantId: string) =>
    [...placements.values()].filter((p) => p.participantId === participantId).sort((a, b) => b.id.localeCompare(a.id));

  const sources: ProgrammeSources = {
    participant: async (participantId) => standings.get(participantId),
    enrollment: async (enrollmentId) => enrollmentStandings.get(enrollmentId),
  };
  const slotKey = (slot: { enrollmentId: string; monthsAfter: number }) => `${slot.enrollmentId}#${slot.monthsAfter}`;
  const recordsOf = (participantId: string) =>
    [...followUps.values()].flatMap((slot) => (slot.record && slot.participantId === participantId ? [{ ...slot.record }] : []));
  const followUpStore: FollowUpStore = {
    async open(slots) {
      let opened = 0;
      for (const slot of slots) {
        if (followUps.has(slotKey(slot))) continue;
        followUps.set(slotKey(slot), { ...slot });
        opened += 1;
      }
      return opened;
    },
    async record(followUp, event) {
      if (followUps.get(slotKey(followUp))?.record) return 'duplicate';
      if (!writable(followUp.participantId, followUp.groupId)) return 'participant-gone';
      const { participantId, groupId, enrollmentId, monthsAfter, dueOn } = followUp;
      followUps.set(slotKey(followUp), { participantId, groupId, enrollmentId, monthsAfter, dueOn, record: { ...followUp } });
      publish(event);
      return 'recorded';
    },
    async list(groupId, { status }, today) {
      const ofGroup = [...followUps.values()].filter((slot) => slot.groupId === groupId);
      const chosen =
        status === 'done'
          ? ofGroup.filter((slot) => slot.record).sort((a, b) => b.dueOn.localeCompare(a.dueOn))
          : ofGroup
              .filter((slot) => !slot.record && (status === 'due' ? slot.dueOn <= dueUntil(today) : slot.dueOn < overdueBefore(today)))
              .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
      return pageOf(
        chosen.map((slot) => ({
          participantId: slot.participantId,
          enrollmentId: slot.enrollmentId,
          monthsAfter: slot.monthsAfter,
          dueOn: slot.dueOn,
          status: followUpStatus(slot.dueOn, slot.record !== undefined, today),
          ...(slot.record ? { followUpId: slot.record.id } : {}),
        })),
      );
    },
    allOf: async (participantId) => recordsOf(participantId),
    async eraseNotes(participantId) {
      for (const slot of followUps.values()) if (slot.record && slot.participantId === participantId) slot.record.notes = null;
    },
  };
  const mentoring: MentoringStore = {
    async record(session, event) {
      if (!writable(session.participantId, session.groupId)) return 'participant-gone';
      sessions.push({ ...session });
      publish(event);
      return 'recorded';
    },
    list: async (participantId) => pageOf(await mentoring.allOf(participantId)),
    allOf: async (participantId) =>
      sessions
        .filter((s) => s.participantId === participantId)
        .map((s) => ({ ...s }))
        .sort((a, b) => `${b.date}#${b.id}`.localeCompare(`${a.date}#${a.id}`)),
    async eraseNotes(participantId) {
      sessions.forEach((s, index) => {
        if (s.participantId === participantId) sessions[index] = { ...s, notes: null };
      });
    },
  };
  const placementStore: PlacementStore = {
    async start(placement, event) {
      if (!writable(placement.participantId, placement.groupId)) return 'participant-gone';
      placements.set(placement.id, { ...placement });
      publish(event);
      return 'started';
    },
    get: async (placementId) => {
      const found = placements.get(placementId);
      return found && { ...found };
    },
    async end(ended, event) {
      if (placements.get(ended.id)?.status !== 'active') return 'not-active';
      if (!writable(ended.participantId, ended.groupId)) return 'participant-gone';
      placements.set(ended.id, { ...ended });
      publish(event);
      return 'ended';
    },
    list: async (participantId) => pageOf(ofParticipant(participantId)),
    allOf: async (participantId) => ofParticipant(participantId),
    async eraseOrganisations(participantId) {
      for (const p of ofParticipant(participantId)) placements.set(p.id, { ...p, organisation: null });
    },
  };
  return { sources, mentoring, placements: placementStore, followUps: followUpStore, standings, enrollments: enrollmentStandings, events };
}
