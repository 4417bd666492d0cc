import { BusinessRuleError, ConflictError } from '#shared/kernel/errors';
import type { ArtisanStore, GroupStore, ParticipantStore } from '#shared/participants/ports';
import type { Group, Participant } from '#shared/participants/schemas';
import type { PendingEvent } from '#shared/kernel/store/outbox';
import type { ParticipantDirectory } from '#shared/participants/ports';
import type { EnrollmentStore, ProgramStore } from '#shared/training/ports';
import type { Enrollment, Program } from '#shared/training/schemas';
import { pageOf } from './page.ts';

/** In-memory participants and training ports for use-case unit tests; the DynamoDB adapters have their own integration tests. */
export function fakeStores() {
  const groups = new Map<string, Group>();
  const participants = new Map<string, Participant>();
  const programs = new Map<string, Program>();
  const enrollments = new Map<string, Enrollment>();
  const events: PendingEvent[] = [];

  const groupStore: GroupStore = {
    async create(group) {
      groups.set(group.id, group);
    },
    get: async (id) => groups.get(id),
    list: async () => pageOf([...groups.values()]),
  };

  const participantStore: ParticipantStore = {
    async register(participant, event) {
      if (!groups.has(participant.groupId)) throw new BusinessRuleError('The group does not exist');
      participants.set(participant.id, participant);
      events.push(event);
    },
    get: async (id) => participants.get(id),
    listByGroup: async (groupId) => pageOf([...participants.values()].filter((p) => p.groupId === groupId)),
    async updateProfile(id, profile, updatedAt) {
      const current = participants.get(id) as Participant;
      if (current.erasedAt !== null) throw new ConflictError('erased');
      const updated = { ...current, profile, updatedAt };
      participants.set(id, updated);
      return updated;
    },
    async erase(id, erasedAt) {
      const current = participants.get(id);
      if (!current || current.erasedAt !== null) return current;
      const erased: Participant = {
        ...current,
        legalName: null,
        registerNumber: null,
        phone: null,
        profile: { displayName: null, story: null, publicConsent: false },
        erasedAt,
        updatedAt: erasedAt,
      };
      participants.set(id, erased);
      return erased;
    },
    async markEligible(id, updatedAt) {
      const participant = participants.get(id);
      if (!participant || participant.sellerStatus === 'eligible') return false;
      participants.set(id, { ...participant, sellerStatus: 'eligible', updatedAt });
      return true;
    },
  };

  const programStore: ProgramStore = {
    async create(program) {
      if (!groups.has(program.groupId)) throw new BusinessRuleError('The group does not exist');
      programs.set(program.id, program);
    },
    get: async (id) => programs.get(id),
    list: async (groupId) => pageOf([...programs.values()].filter((p) => !groupId || p.groupId === groupId)),
  };

  const enrollmentStore: EnrollmentStore = {
    async enroll(enrollment, event) {
      const duplicate = [...enrollments.values()].some(
        (e) => e.programId === enrollment.programId && e.participantId === enrollment.participantId,
      );
      if (duplicate) throw new ConflictError('The participant is already enrolled in this program');
      enrollments.set(enrollment.id, enrollment);
      events.push(event);
    },
    get: async (id) => enrollments.get(id),
    async recordAttendance(id, { date, present }, updatedAt) {
      const current = enrollments.get(id) as Enrollment;
      const attendance = [...current.attendance.filter((a) => a.date !== date), { date, present }].sort((a, b) =>
        a.date.localeCompare(b.date),
      );
      const updated = { ...current, attendance, sessionsAttended: attendance.filter((a) => a.present).length, updatedAt };
      enrollments.set(id, updated);
      return updated;
    },
    async complete(id, { score, certificateNumber }, { completedAt, updatedAt }, event) {
      const updated: Enrollment = {
        ...(enrollments.get(id) as Enrollment),
        status: 'completed',
        score,
        certificateNumber: certificateNumber ?? null,
        completedAt,
        updatedAt,
      };
      enrollments.set(id, updated);
      events.push(event);
      return updated;
    },
    listByParticipant: async (participantId) => pageOf([...enrollments.values()].filter((e) => e.participantId === participantId)),
    async eraseNotes(participantId, erasedAt) {
      for (const e of enrollments.values()) {
        if (e.participantId === participantId && e.assessment.notes !== null)
          enrollments.set(e.id, { ...e, assessment: { ...e.assessment, notes: null }, updatedAt: erasedAt });
      }
    },
  };

  const directory: ParticipantDirectory = { groupOf: async (id) => participants.get(id)?.groupId };
  const artisanStore: ArtisanStore = {
    publicProfile: async (id) => {
      const participant = participants.get(id);
      return participant && { id: participant.id, groupId: participant.groupId, profile: participant.profile };
    },
  };

  return {
    groupStore,
    participantStore,
    artisanStore,
    programStore,
    enrollmentStore,
    directory,
    events,
    groups,
    participants,
    enrollments,
  };
}
