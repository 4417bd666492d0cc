import { randomUUID } from 'node:crypto';
import { ParticipantRegistered } from '#events/participant-registered';
import { newId } from '#shared/kernel/ids';
import { buildGroupStore } from '#shared/participants/dynamo-group-store';
import { buildParticipantStore } from '#shared/participants/dynamo-participant-store';
import type { Participant } from '#shared/participants/schemas';
import { pendingEvent } from '#shared/kernel/store/outbox';
import type { localTable } from './local-table.ts';

/**
 * A participant registered through the participants store, in a group of their own, with unique private fields
 * (so a test can search the table for them) and a public profile unless overridden.
 */
export async function storedParticipant(
  { doc, table, cursors }: Pick<ReturnType<typeof localTable>, 'doc' | 'table' | 'cursors'>,
  at: string,
  overrides: Partial<Participant> = {},
): Promise<Participant> {
  const groupId = newId('grp');
  await buildGroupStore(doc, table, cursors).create({
    id: groupId,
    name: 'G',
    focus: 'F',
    district: 'D',
    participantSharePercent: 80,
    createdAt: at,
  });
  const participant: Participant = {
    id: newId('prt'),
    legalName: `Nama ${randomUUID()}`,
    registerNumber: `PK-${randomUUID()}`,
    groupId,
    supervisionEndsOn: '2027-06-30',
    phone: '+6281234567890',
    officerSub: 'officer',
    sellerStatus: 'eligible',
    profile: { displayName: 'Bu Siti', story: 'Cerita', publicConsent: true },
    createdAt: at,
    updatedAt: at,
    erasedAt: null,
    ...overrides,
  };
  await buildParticipantStore(doc, table, cursors).register(
    participant,
    pendingEvent(ParticipantRegistered, { participantId: participant.id, groupId }, at),
  );
  return participant;
}
