import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { buildProductStore } from '#shared/catalog/dynamo-product-store';
import { newId } from '#shared/kernel/ids';
import { buildParticipantStore } from '#shared/participants/dynamo-participant-store';
import type { Participant } from '#shared/participants/schemas';
import { accessLogRetentionDays } from '#shared/kernel/access-log/access-log';
import type { AccessRecord } from '#shared/kernel/access-log/access-record';
import { buildAccessLog } from '#shared/kernel/access-log/dynamo-access-log';
import { accessLogPartition, enrollmentKey, participantKey } from '#shared/kernel/store/keys';
import { buildEnrollmentStore } from '#shared/training/dynamo-enrollment-store';
import type { Enrollment } from '#shared/training/schemas';
import { localTable } from '#test/support/table/local-table';
import { storedEnrollment } from '#test/support/table/enrollments';
import { storedParticipant } from '#test/support/table/participants';
import { draftProduct, listingEvent } from '#test/support/table/products';

const { doc, table, cursors } = localTable();
const participants = buildParticipantStore(doc, table, cursors);
const enrollments = buildEnrollmentStore(doc, table, cursors);
const products = buildProductStore(doc, table, cursors);
const accessLog = buildAccessLog(doc, table, cursors);

const now = '2026-11-28T05:36:47.000Z';
const later = '2026-12-01T00:00:00.000Z';

const registered = () => storedParticipant({ doc, table, cursors }, now);

const enrolled = (participant: Participant) => storedEnrollment({ doc, table, cursors }, participant, now, { sessionsRequired: 1 });

const record = (participantId: string, at: string, actorSub = 'officer'): AccessRecord => ({
  at,
  actorSub,
  actorRoles: ['officer'],
  action: 'participant.read',
  participantId,
});

describe('DynamoDB access log', () => {
  it('lists a participant’s records newest first, in pages, each kept for the retention period', async () => {
    const participantId = newId('prt');
    await accessLog.append([record(participantId, '2026-11-28T01:00:00.000Z', 'first')]);
    await accessLog.append([record(participantId, '2026-11-28T02:00:00.000Z', 'second'), record(newId('prt'), now)]);
    await accessLog.append([record(participantId, '2026-11-28T03:00:00.000Z', 'third')]);

    const first = await accessLog.list(participantId, { limit: 2 });
    const rest = await accessLog.list(participantId, { limit: 2, cursor: first.nextCursor as string });
    const stored = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': accessLogPartition(participantId) },
      }),
    );

    expect(first.items.map((r) => r.actorSub)).toEqual(['third', 'second']);
    expect(rest.items.map((r) => r.actorSub)).toEqual(['first']);
    expect(rest.nextCursor).toBeNull();
    expect(first.items[0]).toEqual(record(participantId, '2026-11-28T03:00:00.000Z', 'third'));
    const oldest = stored.Items?.find((item) => item.actorSub === 'first');
    expect(oldest?.expiresAt).toBe(Date.parse('2026-11-28T01:00:00.000Z') / 1000 + accessLogRetentionDays * 86_400);
  });

  it('keeps two reads of the same millisecond apart', async () => {
    const participantId = newId('prt');

    await accessLog.append([record(participantId, now, 'a'), record(participantId, now, 'b')]);

    expect((await accessLog.list(participantId, { limit: 20 })).items.map((r) => r.actorSub).sort()).toEqual(['a', 'b']);
  });
});

describe('DynamoDB erasure', () => {
  it('removes the identifying attributes and the profile texts, once', async () => {
    const participant = await registered();

    const erased = await participants.erase(participant.id, later);
    const again = await participants.erase(participant.id, '2027-01-01T00:00:00.000Z');
    const { Item } = await doc.send(new GetCommand({ TableName: table, Key: participantKey(participant.id) }));

    expect(erased).toEqual({
      ...participant,
      legalName: null,
      registerNumber: null,
      phone: null,
      profile: { displayName: null, story: null, publicConsent: false },
      updatedAt: later,
      erasedAt: later,
    });
    expect(again).toEqual(erased);
    expect(Item).not.toHaveProperty('legalName');
    expect(Item).not.toHaveProperty('registerNumber');
    expect(Item).not.toHaveProperty('phone');
    await expect(participants.erase(newId('prt'), later)).resolves.toBeUndefined();
  });

  it('removes the assessment notes of every enrollment, found by key, and keeps the rest', async () => {
    const participant = await registered();
    const [one, two] = [await enrolled(participant), await enrolled(participant)];

    await enrollments.eraseNotes(participant.id, later);
    await enrollments.eraseNotes(participant.id, '2027-01-01T00:00:00.000Z');

    for (const enrollment of [one, two] as Enrollment[]) {
      await expect(enrollments.get(enrollment.id)).resolves.toEqual({
        ...enrollment,
        assessment: { motivation: 3, notes: null },
        updatedAt: later,
      });
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: enrollmentKey(enrollment.id) }));
      expect(JSON.stringify(Item)).not.toContain(enrollment.assessment.notes as string);
    }
  });

  it('refuses a profile update (409), an enrollment (422) and a listing (422) once the participant is erased', async () => {
    const participant = await registered();
    const product = draftProduct(now, { participantId: participant.id, groupId: participant.groupId });
    await products.create(product);
    await participants.erase(participant.id, later);

    await expect(
      participants.updateProfile(participant.id, { displayName: 'Lagi', story: null, publicConsent: true }, later),
    ).rejects.toMatchObject({ kind: 'conflict' });
    await expect(enrolled(participant)).rejects.toMatchObject({ kind: 'business-rule' });
    await expect(products.transition(product, 'listed', later, listingEvent(product, later))).rejects.toMatchObject({
      kind: 'business-rule',
    });
    await expect(products.get(product.id)).resolves.toMatchObject({ status: 'draft' });
    await expect(participants.updateProfile(newId('prt'), participant.profile, later)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('finds every product of a participant, whatever its status, by key', async () => {
    const participant = await registered();
    const draft = draftProduct(now, { participantId: participant.id, groupId: participant.groupId });
    const toList = draftProduct(now, { participantId: participant.id, groupId: participant.groupId, title: 'Tikar' });
    await products.create(draft);
    await products.create(toList);
    await products.create(draftProduct(now));
    const listed = await products.transition(toList, 'listed', later, listingEvent(toList, later));

    const found = await products.ofParticipant(participant.id);

    expect(found).toEqual([listed, draft].sort((a, b) => b.id.localeCompare(a.id)));
  });
});
