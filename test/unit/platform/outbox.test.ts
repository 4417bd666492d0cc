import { describe, expect, it } from 'vitest';
import { ParticipantRegistered } from '#events/participant-registered';
import { newId } from '#shared/kernel/ids';
import { outboxPut, pendingEvent } from '#shared/kernel/store/outbox';

describe('outboxPut', () => {
  it('writes the event envelope with a fresh evt_ id, the contract source and detail-type, and a TTL', () => {
    const data = { participantId: newId('prt'), groupId: newId('grp') };

    const { Put } = outboxPut('table', pendingEvent(ParticipantRegistered, data, '2026-11-28T05:36:47.000Z'));

    expect(Put.Item).toMatchObject({
      entity: 'outbox',
      source: 'pas-kreatif.participants',
      detailType: 'ParticipantRegistered',
      detail: { metadata: { occurredAt: '2026-11-28T05:36:47.000Z', version: 1 }, data },
      expiresAt: Date.parse('2026-11-29T05:36:47.000Z') / 1000,
    });
    expect(Put.Item.detail.metadata.eventId).toMatch(/^evt_[0-9A-Z]{26}$/);
    expect(Put.Item.pk).toBe(`OUTBOX#${Put.Item.detail.metadata.eventId}`);
  });

  it('refuses data outside the contract, so personal data cannot ride along', () => {
    const data = { participantId: newId('prt'), groupId: newId('grp'), legalName: 'Siti Aminah' };

    expect(() => outboxPut('table', pendingEvent(ParticipantRegistered, data, '2026-11-28T05:36:47.000Z'))).toThrow(/legalName/);
  });
});
