import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { ParticipantRegistered } from '#events/participant-registered';
import { newId } from '#shared/kernel/ids';
import { buildGroupStore } from '#shared/participants/dynamo-group-store';
import { buildParticipantStore } from '#shared/participants/dynamo-participant-store';
import type { Group, Participant } from '#shared/participants/schemas';
import { participantKey } from '#shared/kernel/store/keys';
import { pendingEvent } from '#shared/kernel/store/outbox';
import { localTable } from '#test/support/table/local-table';

const { doc, table, cursors } = localTable();
const groups = buildGroupStore(doc, table, cursors);
const participants = buildParticipantStore(doc, table, cursors);

const now = '2026-11-28T05:36:47.000Z';

async function storedGroup(): Promise<Group> {
  const group: Group = { id: newId('grp'), name: 'G', focus: 'F', district: 'D', participantSharePercent: 80, createdAt: now };
  await groups.create(group);
  return group;
}

function participantIn(groupId: string): Participant {
  return {
    id: newId('prt'),
    legalName: 'Siti Aminah',
    registerNumber: 'PK-1',
    groupId,
    supervisionEndsOn: '2027-06-30',
    phone: '+6281234567890',
    officerSub: 'officer',
    sellerStatus: 'not_eligible',
    profile: { displayName: null, story: null, publicConsent: false },
    createdAt: now,
    updatedAt: now,
    erasedAt: null,
  };
}

const registered = (p: Participant) => pendingEvent(ParticipantRegistered, { participantId: p.id, groupId: p.groupId }, now);

describe('DynamoDB participant store', () => {
  it('stores the participant and its outbox event in one transaction', async () => {
    const group = await storedGroup();
    const participant = participantIn(group.id);

    await participants.register(participant, registered(participant));

    await expect(participants.get(participant.id)).resolves.toEqual(participant);
    const outbox = await doc.send(
      new QueryCommand({
        TableName: table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `GROUP#${group.id}#PARTICIPANTS` },
      }),
    );
    expect(outbox.Items).toHaveLength(1);
  });

  it('writes nothing, not even the event, when the group does not exist', async () => {
    const participant = participantIn(newId('grp'));

    await expect(participants.register(participant, registered(participant))).rejects.toMatchObject({ kind: 'business-rule' });

    const { Item } = await doc.send(new GetCommand({ TableName: table, Key: participantKey(participant.id) }));
    expect(Item).toBeUndefined();
  });

  it('marks eligible once: the second call finds nothing to change', async () => {
    const group = await storedGroup();
    const participant = participantIn(group.id);
    await participants.register(participant, registered(participant));

    const first = await participants.markEligible(participant.id, '2026-11-29T00:00:00.000Z');
    const second = await participants.markEligible(participant.id, '2026-11-30T00:00:00.000Z');

    expect([first, second]).toEqual([true, false]);
    await expect(participants.get(participant.id)).resolves.toMatchObject({
      sellerStatus: 'eligible',
      updatedAt: '2026-11-29T00:00:00.000Z',
    });
  });

  it('does not create a participant when marking an unknown one eligible', async () => {
    const id = newId('prt');

    await expect(participants.markEligible(id, now)).resolves.toBe(false);
    await expect(participants.get(id)).resolves.toBeUndefined();
  });

  it('pages a roster with signed cursors and no empty last page', async () => {
    const group = await storedGroup();
    const stored = [participantIn(group.id), participantIn(group.id), participantIn(group.id)];
    for (const p of stored) await participants.register(p, registered(p));

    const first = await participants.listByGroup(group.id, { limit: 2 });
    const second = await participants.listByGroup(group.id, { limit: 2, cursor: first.nextCursor ?? undefined });

    expect(first.items.map((p) => p.id)).toEqual([stored[2]?.id, stored[1]?.id]);
    expect(second).toEqual({ items: [stored[0]], nextCursor: null });
    await expect(participants.listByGroup(newId('grp'), { limit: 2, cursor: first.nextCursor ?? undefined })).rejects.toMatchObject({
      kind: 'invalid-input',
    });
  });
});
