import type { PendingEvent } from '#shared/kernel/store/outbox';
import type { MentoringStore, ParticipantStanding, PlacementStore, ProgrammeSources } from '#shared/programme/ports';
import type { MentoringSession, Placement } from '#shared/programme/schemas';
import { pageOf } from './page.ts';

/**
 * In-memory programme stores over a map of participants. Each write checks the participant as the DynamoDB
 * adapters' transactions do (same group, not erased) and keeps its event only when it writes.
 */
export function fakeProgramme(participants: Record<string, ParticipantStanding> = {}) {
  const standings = new Map(Object.entries(participants));
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

  const sources: ProgrammeSources = { participant: async (participantId) => standings.get(participantId) };
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
  return { sources, mentoring, placements: placementStore, standings, events };
}
