import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { call, eventually, tokenFor } from './client.ts';

/**
 * A fresh group with its people, made through the API.
 * Every test builds its own, so tests never depend on each other or on the demo data.
 */
export async function newGroupScenario(options: { sessionsRequired?: number } = {}) {
  const admin = await tokenFor({ sub: `admin-${randomUUID()}`, roles: ['admin'] });
  const officerSub = `officer-${randomUUID()}`;
  const officer = await tokenFor({ sub: officerSub, roles: ['officer'] });
  const group = await call('POST', '/groups', {
    token: admin,
    body: { name: 'Bunga Sampah Lestari', focus: 'Kerajinan dari sampah plastik', district: 'Mataram' },
  });
  expect(group.status).toBe(201);
  const groupId: string = group.body.id;
  const facilitator = await tokenFor({ sub: `facilitator-${randomUUID()}`, roles: ['facilitator'], groupId });

  const registerParticipant = async (overrides: Record<string, unknown> = {}) => {
    const response = await call('POST', '/participants', {
      token: officer,
      body: {
        legalName: 'Siti Aminah',
        registerNumber: `PK-${randomUUID().slice(0, 8)}`,
        groupId,
        supervisionEndsOn: '2027-06-30',
        phone: '0812-3456-7890',
        ...overrides,
      },
    });
    expect(response.status).toBe(201);
    const participantToken = await tokenFor({
      sub: `participant-${randomUUID()}`,
      roles: ['participant'],
      participantId: response.body.id,
    });
    return { participant: response.body, participantToken };
  };

  const createProgram = async () => {
    const response = await call('POST', '/programs', {
      token: facilitator,
      body: {
        groupId,
        title: 'Kerajinan Anyaman Plastik',
        description: 'Menganyam tas dan tikar dari bungkus plastik bekas',
        skills: ['anyaman', 'pemasaran'],
        sessionsRequired: options.sessionsRequired ?? 2,
      },
    });
    expect(response.status).toBe(201);
    return response.body;
  };

  /** A participant registered and enrolled, with this assessment, in a new program of the group. */
  const enrolledParticipant = async (assessment = { motivation: 4, notes: '' }) => {
    const registered = await registerParticipant();
    const program = await createProgram();
    const enrolled = await call('POST', `/programs/${program.id}/enrollments`, {
      token: facilitator,
      body: { participantId: registered.participant.id, assessment },
    });
    expect(enrolled.status).toBe(201);
    return { ...registered, program, enrollment: enrolled.body as { id: string } };
  };

  /** A participant who completed a training and has been made eligible by its event. */
  const eligibleParticipant = async () => {
    const { program, enrollment, ...registered } = await enrolledParticipant();
    for (let session = 1; session <= program.sessionsRequired; session += 1) {
      await call('POST', `/enrollments/${enrollment.id}/attendance`, {
        token: facilitator,
        body: { date: `2026-11-0${session}`, present: true },
      });
    }
    const completed = await call('POST', `/enrollments/${enrollment.id}/completion`, { token: facilitator, body: { score: 80 } });
    expect(completed.status).toBe(200);
    await eventually(async () => {
      const read = await call('GET', `/participants/${registered.participant.id}`, { token: officer });
      expect(read.body.sellerStatus).toBe('eligible');
    });
    return registered;
  };

  return { admin, officer, officerSub, facilitator, groupId, registerParticipant, createProgram, enrolledParticipant, eligibleParticipant };
}
