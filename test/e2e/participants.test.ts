import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newId } from '#shared/kernel/ids';
import { call, tokenFor } from '#test/support/api/client';
import { newGroupScenario } from '#test/support/api/scenario';

const privateFields = ['legalName', 'registerNumber', 'supervisionEndsOn', 'phone', 'officerSub'];

describe('groups', () => {
  it('an admin registers a group that anyone can read', async () => {
    // Prepare
    const admin = await tokenFor({ sub: 'admin-1', roles: ['admin'] });

    // Act
    const created = await call('POST', '/groups', {
      token: admin,
      body: { name: 'Bunga Sampah Lestari', focus: 'Daur ulang sampah', district: 'Mataram' },
    });
    const read = await call('GET', `/groups/${created.body.id}`);

    // Assert
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Bunga Sampah Lestari', participantSharePercent: 80 });
    expect(created.body.id).toMatch(/^grp_[0-9A-Z]{26}$/);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('refuses a non-admin (403) and an anonymous caller (401)', async () => {
    const officer = await tokenFor({ sub: 'officer-1', roles: ['officer'] });
    const body = { name: 'X', focus: 'Y', district: 'Z' };

    const asOfficer = await call('POST', '/groups', { token: officer, body });
    const anonymous = await call('POST', '/groups', { body });

    expect(asOfficer.status).toBe(403);
    expect(asOfficer.headers.get('content-type')).toBe('application/problem+json');
    expect(anonymous.status).toBe(401);
  });

  it('answers 404 for an unknown or malformed group id', async () => {
    const unknown = await call('GET', `/groups/${newId('grp')}`);
    const malformed = await call('GET', '/groups/not-an-id');

    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ status: 404, title: 'Not found' });
    expect(malformed.status).toBe(404);
  });

  it('pages through groups with a cursor, newest first, and refuses a tampered cursor', async () => {
    const admin = await tokenFor({ sub: 'admin-pager', roles: ['admin'] });
    for (let i = 0; i < 3; i++) {
      await call('POST', '/groups', { token: admin, body: { name: `Pager ${i}`, focus: 'f', district: 'd' } });
    }

    const first = await call('GET', '/groups?limit=2');
    const second = await call('GET', `/groups?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    const tampered = await call('GET', `/groups?limit=2&cursor=${encodeURIComponent(`x${first.body.nextCursor}`)}`);

    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].id > first.body.items[1].id).toBe(true);
    expect(second.body.items[0].id < first.body.items[1].id).toBe(true);
    expect(tampered.status).toBe(400);
    expect(tampered.body.errors).toEqual([{ path: 'query.cursor', message: 'Invalid cursor' }]);
  });
});

describe('participants', () => {
  it('an officer registers a participant: private view, +62 phone, not eligible, no consent', async () => {
    const { registerParticipant, officerSub, groupId } = await newGroupScenario();

    const { participant } = await registerParticipant({ phone: '0812 3456 7890' });

    expect(participant).toMatchObject({
      legalName: 'Siti Aminah',
      groupId,
      phone: '+6281234567890',
      officerSub,
      sellerStatus: 'not_eligible',
      profile: { displayName: null, story: null, publicConsent: false },
    });
    expect(participant.id).toMatch(/^prt_/);
  });

  it('shows the private record to officers, the group facilitator, admins and the participant; 404 to anyone else', async () => {
    const { registerParticipant, officer, facilitator, admin } = await newGroupScenario();
    const { participant, participantToken } = await registerParticipant();
    const otherFacilitator = await tokenFor({ sub: 'f-other', roles: ['facilitator'], groupId: newId('grp') });
    const otherParticipant = await tokenFor({ sub: 'p-other', roles: ['participant'], participantId: newId('prt') });
    const buyer = await tokenFor({ sub: 'buyer-1', roles: ['buyer'] });

    const allowed = await Promise.all(
      [officer, facilitator, admin, participantToken].map((token) => call('GET', `/participants/${participant.id}`, { token })),
    );
    const refused = await Promise.all(
      [otherFacilitator, otherParticipant, buyer].map((token) => call('GET', `/participants/${participant.id}`, { token })),
    );

    expect(allowed.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(allowed[0]?.body.legalName).toBe('Siti Aminah');
    expect(refused.map((r) => r.status)).toEqual([404, 404, 404]);
    expect(JSON.stringify(refused.map((r) => r.body))).not.toContain('Siti');
  });

  it('normalises every accepted phone form and rejects others', async () => {
    const { registerParticipant, officer, groupId } = await newGroupScenario();

    const forms = await Promise.all(['+62 812-3456-7890', '6281234567890', '081234567890'].map((phone) => registerParticipant({ phone })));
    const bad = await call('POST', '/participants', {
      token: officer,
      body: { legalName: 'A', registerNumber: 'B', groupId, supervisionEndsOn: '2027-01-01', phone: '12345' },
    });

    expect(forms.map((f) => f.participant.phone)).toEqual(['+6281234567890', '+6281234567890', '+6281234567890']);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.phone');
  });

  it('refuses registration by a non-officer (403) and into an unknown group (422)', async () => {
    const { admin, officer } = await newGroupScenario();
    const body = { legalName: 'A', registerNumber: 'B', groupId: newId('grp'), supervisionEndsOn: '2027-01-01' };

    const asAdmin = await call('POST', '/participants', { token: admin, body });
    const unknownGroup = await call('POST', '/participants', { token: officer, body });

    expect(asAdmin.status).toBe(403);
    expect(unknownGroup.status).toBe(422);
  });

  it("lists a group's roster to its facilitator, officers and admins only", async () => {
    const { registerParticipant, facilitator, officer, groupId } = await newGroupScenario();
    await registerParticipant();
    await registerParticipant({ legalName: 'Budi Santoso' });
    const otherFacilitator = await tokenFor({ sub: 'f-x', roles: ['facilitator'], groupId: newId('grp') });
    const buyer = await tokenFor({ sub: 'b-x', roles: ['buyer'] });

    const byFacilitator = await call('GET', `/groups/${groupId}/participants`, { token: facilitator });
    const byOfficer = await call('GET', `/groups/${groupId}/participants?limit=1`, { token: officer });
    const byOther = await call('GET', `/groups/${groupId}/participants`, { token: otherFacilitator });
    const byBuyer = await call('GET', `/groups/${groupId}/participants`, { token: buyer });

    expect(byFacilitator.status).toBe(200);
    expect(byFacilitator.body.items.map((p: { legalName: string }) => p.legalName).sort()).toEqual(['Budi Santoso', 'Siti Aminah']);
    expect(byFacilitator.body.nextCursor).toBeNull();
    expect(byOfficer.body.items).toHaveLength(1);
    expect(byOfficer.body.nextCursor).toEqual(expect.any(String));
    expect(byOther.status).toBe(403);
    expect(byBuyer.status).toBe(403);
  });
});

describe('profile and public artisan page', () => {
  it('appears only with consent, never with a private field, and disappears at once when consent is withdrawn', async () => {
    const { registerParticipant, groupId } = await newGroupScenario();
    const { participant, participantToken } = await registerParticipant();
    const before = await call('GET', `/artisans/${participant.id}`);

    const consented = await call('PUT', `/participants/${participant.id}/profile`, {
      token: participantToken,
      body: { displayName: 'Bu Siti', story: 'Saya menganyam tas dari plastik bekas.', publicConsent: true },
    });
    const publicView = await call('GET', `/artisans/${participant.id}`);
    await call('PUT', `/participants/${participant.id}/profile`, {
      token: participantToken,
      body: { displayName: 'Bu Siti', story: null, publicConsent: false },
    });
    const afterWithdrawal = await call('GET', `/artisans/${participant.id}`);

    expect(before.status).toBe(404);
    expect(consented.status).toBe(200);
    expect(consented.body.profile).toEqual({
      displayName: 'Bu Siti',
      story: 'Saya menganyam tas dari plastik bekas.',
      publicConsent: true,
    });
    expect(publicView.status).toBe(200);
    expect(publicView.body).toEqual({
      id: participant.id,
      displayName: 'Bu Siti',
      story: 'Saya menganyam tas dari plastik bekas.',
      groupId,
    });
    for (const field of privateFields) expect(publicView.body).not.toHaveProperty(field);
    expect(afterWithdrawal.status).toBe(404);
  });

  it('lets only the participant edit their profile', async () => {
    const { registerParticipant, officer } = await newGroupScenario();
    const { participant } = await registerParticipant();
    const stranger = await tokenFor({ sub: `p-${randomUUID()}`, roles: ['participant'], participantId: newId('prt') });
    const body = { displayName: 'X', story: null, publicConsent: true };

    const byOfficer = await call('PUT', `/participants/${participant.id}/profile`, { token: officer, body });
    const byStranger = await call('PUT', `/participants/${participant.id}/profile`, { token: stranger, body });

    expect(byOfficer.status).toBe(403);
    expect(byStranger.status).toBe(404);
  });

  it('refuses consent without a display name (422)', async () => {
    const { registerParticipant } = await newGroupScenario();
    const { participant, participantToken } = await registerParticipant();

    const response = await call('PUT', `/participants/${participant.id}/profile`, {
      token: participantToken,
      body: { displayName: null, story: null, publicConsent: true },
    });

    expect(response.status).toBe(422);
  });
});
