import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { busStatus } from '#test/support/api/bus';
import { call, eventually, tokenFor } from '#test/support/api/client';
import { newGroupScenario } from '#test/support/api/scenario';

const today = () => new Date().toISOString().slice(0, 10);

/** The programme events of one participant on the local bus, once `count` of them have arrived. */
async function programmeEventsOf(participantId: string, count: number) {
  return eventually(async () => {
    const events = (await busStatus()).recent.filter(
      (event) => event.source === 'pas-kreatif.programme' && event.detail.data?.participantId === participantId,
    );
    expect(events).toHaveLength(count);
    return events.map((event) => ({ detailType: event.detailType, data: event.detail.data }));
  });
}

async function accessActions(participantId: string, token: string) {
  const log = await call('GET', `/participants/${participantId}/access-log?limit=100`, { token });
  return (log.body.items as { action: string; actorRoles: string[] }[]).map((r) => `${r.action} ${r.actorRoles.join(' ')}`);
}

describe('mentoring and placements through the local API', () => {
  it('records mentoring and lists it, newest first, to the participant and an officer; 404 to outsiders; reads logged', async () => {
    // Prepare
    const scenario = await newGroupScenario();
    const { participant, participantToken } = await scenario.registerParticipant();
    const other = await newGroupScenario();
    const outsider = await other.registerParticipant();
    const path = `/participants/${participant.id}/mentoring-sessions`;
    const body = { date: '2026-11-20', topic: 'marketing', durationMinutes: 45, notes: 'Memotret produk untuk katalog' };

    // Act
    const older = await call('POST', path, { token: scenario.facilitator, body });
    const newer = await call('POST', path, {
      token: scenario.facilitator,
      body: { date: today(), topic: 'business', durationMinutes: 90 },
    });
    const byOfficer = await call('POST', path, { token: scenario.officer, body });
    const byOtherFacilitator = await call('POST', path, { token: other.facilitator, body });
    const asParticipant = await call('GET', path, { token: participantToken });
    const asOfficer = await call('GET', `${path}?limit=1`, { token: scenario.officer });
    const hidden = await Promise.all([other.facilitator, outsider.participantToken].map((token) => call('GET', path, { token })));

    // Assert
    expect(older.status).toBe(201);
    expect(older.body).toEqual({
      id: expect.stringMatching(/^mtr_[0-9A-HJKMNP-TV-Z]{26}$/),
      participantId: participant.id,
      groupId: scenario.groupId,
      ...body,
      mentorSub: expect.stringMatching(/^facilitator-/),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });
    expect(newer.body.notes).toBeNull();
    expect([byOfficer.status, byOtherFacilitator.status]).toEqual([403, 404]);
    expect(asParticipant.body).toEqual({ items: [newer.body, older.body], nextCursor: null });
    expect(asOfficer.body.items).toEqual([newer.body]);
    expect(asOfficer.body.nextCursor).toEqual(expect.any(String));
    expect(hidden.map((response) => response.status)).toEqual([404, 404]);
    expect(await programmeEventsOf(participant.id, 2)).toEqual(
      expect.arrayContaining([
        {
          detailType: 'MentoringRecorded',
          data: { sessionId: older.body.id, participantId: participant.id, groupId: scenario.groupId, topic: 'marketing' },
        },
        {
          detailType: 'MentoringRecorded',
          data: { sessionId: newer.body.id, participantId: participant.id, groupId: scenario.groupId, topic: 'business' },
        },
      ]),
    );
    const actions = await accessActions(participant.id, participantToken);
    expect(actions.filter((action) => action.startsWith('mentoring.read')).sort()).toEqual([
      'mentoring.read officer',
      'mentoring.read participant',
    ]);
  });

  it('starts placements (facilitator, officer) and ends one once: a second end is a 409; events carry ids and codes only', async () => {
    // Prepare
    const scenario = await newGroupScenario();
    const { participant, participantToken } = await scenario.registerParticipant();
    const path = `/participants/${participant.id}/placements`;
    const internship = {
      kind: 'internship',
      organisation: 'Bank Sampah Mandiri',
      sector: 'recycling',
      startedOn: '2026-11-01',
      endsOn: '2027-02-01',
    };

    // Act
    const first = await call('POST', path, { token: scenario.facilitator, body: internship });
    const ended = await call('POST', `/placements/${first.body.id}/end`, {
      token: scenario.facilitator,
      body: { endedOn: today(), outcome: 'hired' },
    });
    const again = await call('POST', `/placements/${first.body.id}/end`, {
      token: scenario.officer,
      body: { endedOn: today(), outcome: 'left' },
    });
    const second = await call('POST', path, {
      token: scenario.officer,
      body: { kind: 'own_business', organisation: 'Warung Daur Ulang Siti', sector: 'crafts', startedOn: today() },
    });
    const bySelf = await call('POST', path, { token: participantToken, body: internship });
    const list = await call('GET', path, { token: participantToken });

    // Assert
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.stringMatching(/^plc_[0-9A-HJKMNP-TV-Z]{26}$/),
      participantId: participant.id,
      groupId: scenario.groupId,
      ...internship,
      status: 'active',
      endedOn: null,
      outcome: null,
      createdAt: expect.any(String),
    });
    expect([ended.status, ended.body]).toEqual([200, { ...first.body, status: 'ended', endedOn: today(), outcome: 'hired' }]);
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    expect([second.status, second.body.status, second.body.endsOn]).toEqual([201, 'active', null]);
    expect(bySelf.status).toBe(403);
    expect(list.body).toEqual({ items: [second.body, ended.body], nextCursor: null });
    const events = await programmeEventsOf(participant.id, 3);
    const ids = { participantId: participant.id, groupId: scenario.groupId };
    expect(events).toEqual(
      expect.arrayContaining([
        { detailType: 'PlacementStarted', data: { placementId: first.body.id, ...ids, kind: 'internship' } },
        { detailType: 'PlacementEnded', data: { placementId: first.body.id, ...ids, kind: 'internship', outcome: 'hired' } },
        { detailType: 'PlacementStarted', data: { placementId: second.body.id, ...ids, kind: 'own_business' } },
      ]),
    );
    expect(JSON.stringify(events)).not.toMatch(/Bank Sampah|Warung|recycling|crafts/);
    expect(await accessActions(participant.id, participantToken)).toContain('placements.read participant');
  });

  it("shows the lists to the private view only (admin, the group's facilitator), and none of it on the public artisan page", async () => {
    // Prepare
    const scenario = await newGroupScenario();
    const { participant, participantToken } = await scenario.registerParticipant();
    const profile = { displayName: 'Siti', story: 'Tas dari plastik bekas', publicConsent: true };
    expect((await call('PUT', `/participants/${participant.id}/profile`, { token: participantToken, body: profile })).status).toBe(200);
    const mentoring = `/participants/${participant.id}/mentoring-sessions`;
    const placements = `/participants/${participant.id}/placements`;
    await call('POST', mentoring, {
      token: scenario.facilitator,
      body: { date: today(), topic: 'production', durationMinutes: 60, notes: 'Menjahit tutup botol' },
    });
    await call('POST', placements, {
      token: scenario.officer,
      body: { kind: 'internship', organisation: 'Koperasi Sampah Ampenan', sector: 'recycling', startedOn: today() },
    });
    const buyer = await tokenFor({ sub: `buyer-${randomUUID()}`, roles: ['buyer'] });

    // Act
    const allowed = await Promise.all(
      [mentoring, placements].flatMap((path) => [scenario.admin, scenario.facilitator].map((token) => call('GET', path, { token }))),
    );
    const refused = await Promise.all([mentoring, placements].map((path) => call('GET', path, { token: buyer })));
    const artisan = await call('GET', `/artisans/${participant.id}`);

    // Assert
    expect(allowed.map((answer) => [answer.status, answer.body.items.length])).toEqual([
      [200, 1],
      [200, 1],
      [200, 1],
      [200, 1],
    ]);
    expect(refused.map((answer) => answer.status)).toEqual([404, 404]);
    expect(artisan.status).toBe(200);
    expect(artisan.body).toEqual({ id: participant.id, groupId: scenario.groupId, displayName: 'Siti', story: 'Tas dari plastik bekas' });
  });

  it('exports the sessions and placements, and erasure removes the notes and organisations (ids, dates, kinds stay)', async () => {
    // Prepare
    const scenario = await newGroupScenario();
    const { participant, participantToken } = await scenario.registerParticipant();
    const session = await call('POST', `/participants/${participant.id}/mentoring-sessions`, {
      token: scenario.facilitator,
      body: { date: '2026-11-25', topic: 'personal', durationMinutes: 30, notes: 'Cerita tentang keluarga' },
    });
    const placement = await call('POST', `/participants/${participant.id}/placements`, {
      token: scenario.officer,
      body: { kind: 'job', organisation: 'Hotel Lombok Raya', sector: 'hospitality', startedOn: '2026-11-26' },
    });

    // Act
    const before = await call('GET', `/participants/${participant.id}/export`, { token: participantToken });
    const erased = await call('DELETE', `/participants/${participant.id}/personal-data`, { token: scenario.officer });
    const after = await call('GET', `/participants/${participant.id}/export`, { token: scenario.officer });
    const lateSession = await call('POST', `/participants/${participant.id}/mentoring-sessions`, {
      token: scenario.facilitator,
      body: { date: '2026-11-27', topic: 'other', durationMinutes: 10, notes: 'x' },
    });
    const lateEnd = await call('POST', `/placements/${placement.body.id}/end`, {
      token: scenario.officer,
      body: { endedOn: today(), outcome: 'left' },
    });

    // Assert
    expect(before.body.mentoringSessions).toEqual([session.body]);
    expect(before.body.placements).toEqual([placement.body]);
    expect(erased.status).toBe(200);
    expect(after.body.mentoringSessions).toEqual([{ ...session.body, notes: null }]);
    expect(after.body.placements).toEqual([{ ...placement.body, organisation: null }]);
    expect(JSON.stringify(after.body)).not.toMatch(/Cerita tentang keluarga|Hotel Lombok Raya/);
    expect([lateSession.status, lateEnd.status]).toEqual([404, 404]);
  });

  it('answers bad input with a 400 problem+json naming the field, and an unknown participant or placement with a 404', async () => {
    // Prepare
    const scenario = await newGroupScenario();
    const { participant } = await scenario.registerParticipant();
    const officer = await tokenFor({ sub: `officer-${randomUUID()}`, roles: ['officer'] });
    const placement = await call('POST', `/participants/${participant.id}/placements`, {
      token: officer,
      body: { kind: 'job', organisation: 'Toko', sector: 'retail', startedOn: '2026-11-10' },
    });

    // Act
    const tooLong = await call('POST', `/participants/${participant.id}/mentoring-sessions`, {
      token: scenario.facilitator,
      body: { date: '2026-11-25', topic: 'business', durationMinutes: 481 },
    });
    const badKind = await call('POST', `/participants/${participant.id}/placements`, {
      token: officer,
      body: { kind: 'volunteer', organisation: 'Toko', sector: 'retail', startedOn: '2026-11-10' },
    });
    const beforeStart = await call('POST', `/placements/${placement.body.id}/end`, {
      token: officer,
      body: { endedOn: '2026-11-09', outcome: 'completed' },
    });
    const unknownParticipant = await call('GET', `/participants/prt_01ARZ3NDEKTSV4RRFFQ69G5FAV/placements`, { token: officer });
    const unknownPlacement = await call('POST', `/placements/plc_01ARZ3NDEKTSV4RRFFQ69G5FAV/end`, {
      token: officer,
      body: { endedOn: today(), outcome: 'left' },
    });

    // Assert
    for (const [response, field] of [
      [tooLong, 'body.durationMinutes'],
      [badKind, 'body.kind'],
      [beforeStart, 'body.endedOn'],
    ] as const) {
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.body.errors).toEqual([{ path: field, message: expect.any(String) }]);
    }
    expect([unknownParticipant.status, unknownPlacement.status]).toEqual([404, 404]);
  });
});
