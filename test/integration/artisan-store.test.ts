import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { ParticipantRegistered } from '#events/participant-registered';
import { newId } from '#shared/kernel/ids';
import { pendingEvent } from '#shared/kernel/store/outbox';
import { artisanAttributes } from '#shared/participants/artisan-attributes';
import { buildArtisanStore } from '#shared/participants/dynamo-artisan-store';
import { buildGroupStore } from '#shared/participants/dynamo-group-store';
import { buildParticipantStore } from '#shared/participants/dynamo-participant-store';
import type { Participant } from '#shared/participants/schemas';
import { localTable } from '#test/support/table/local-table';

const { doc, table, cursors } = localTable();
const now = '2026-11-28T05:36:47.000Z';

/** DynamoDB Local underneath; what each request asked for is kept, as IAM would judge it deployed. */
function recordingClient() {
  const inputs: Record<string, unknown>[] = [];
  const client = {
    send: (command: { input: Record<string, unknown> }) => {
      inputs.push(command.input);
      return doc.send(command as never);
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, inputs };
}

async function registeredParticipant(): Promise<Participant> {
  const groupId = newId('grp');
  await buildGroupStore(doc, table, cursors).create({
    id: groupId,
    name: 'G',
    focus: 'F',
    district: 'D',
    participantSharePercent: 80,
    createdAt: now,
  });
  const participant: Participant = {
    id: newId('prt'),
    legalName: 'Siti Aminah',
    registerNumber: 'PK-1',
    groupId,
    supervisionEndsOn: '2027-06-30',
    phone: '+6281234567890',
    officerSub: 'officer',
    sellerStatus: 'not_eligible',
    profile: { displayName: 'Bu Siti', story: 'Tas dari plastik bekas', publicConsent: true },
    createdAt: now,
    updatedAt: now,
    erasedAt: null,
  };
  const event = pendingEvent(ParticipantRegistered, { participantId: participant.id, groupId }, now);
  await buildParticipantStore(doc, table, cursors).register(participant, event);
  return participant;
}

describe('the artisan store (DynamoDB Local)', () => {
  it('reads a participant’s public profile and group, and nothing else of the item', async () => {
    const participant = await registeredParticipant();
    const { client } = recordingClient();

    const found = await buildArtisanStore(client, table).publicProfile(participant.id);

    expect(found).toEqual({ id: participant.id, groupId: participant.groupId, profile: participant.profile });
  });

  it('names in every read only attributes its grant allows, so IAM deployed lets it through and refuses the rest', async () => {
    const participant = await registeredParticipant();
    const { client, inputs } = recordingClient();

    await buildArtisanStore(client, table).publicProfile(participant.id);

    expect(inputs).toHaveLength(1);
    const projected = String(inputs[0]?.ProjectionExpression ?? '')
      .split(/,\s*/)
      .filter(Boolean);
    expect(projected.length).toBeGreaterThan(0);
    expect(projected.every((attribute) => (artisanAttributes as readonly string[]).includes(attribute))).toBe(true);
    expect(artisanAttributes).not.toContain('registerNumber');
  });

  it('finds no one for an unknown id', async () => {
    await expect(buildArtisanStore(doc, table).publicProfile(newId('prt'))).resolves.toBeUndefined();
  });
});
