import { randomInt, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newId } from '#shared/kernel/ids';
import { busStatus } from '#test/support/api/bus';
import { call, eventually, tokenFor } from '#test/support/api/client';
import { localTable } from '#test/support/table/local-table';
import { scanTable } from '#test/support/table/scan';
import { newGroupScenario } from '#test/support/api/scenario';
import { newProduct } from '#test/support/api/shop';

const { doc, table } = localTable();

/** Every item of the shared table, as text. */
const tableText = async () => (await scanTable(doc, table)).map((item) => JSON.stringify(item));

/** A group whose facilitator and admin have known subs, so the access log can be read back by who looked. */
async function people() {
  const scenario = await newGroupScenario({ sessionsRequired: 1 });
  const facilitatorSub = `facilitator-${randomUUID()}`;
  const adminSub = `admin-${randomUUID()}`;
  return {
    ...scenario,
    facilitatorSub,
    adminSub,
    facilitator: await tokenFor({ sub: facilitatorSub, roles: ['facilitator'], groupId: scenario.groupId }),
    admin: await tokenFor({ sub: adminSub, roles: ['admin'] }),
  };
}

/** Enrolled with these notes, trained, and made eligible by the TrainingCompleted consumer. */
async function trainedParticipant(scenario: Awaited<ReturnType<typeof people>>, overrides: Record<string, unknown> = {}, notes = '') {
  const registered = await scenario.registerParticipant(overrides);
  const program = await scenario.createProgram();
  const enrollment = await call('POST', `/programs/${program.id}/enrollments`, {
    token: scenario.facilitator,
    body: { participantId: registered.participant.id, assessment: { motivation: 4, notes } },
  });
  expect(enrollment.status).toBe(201);
  await call('POST', `/enrollments/${enrollment.body.id}/attendance`, {
    token: scenario.facilitator,
    body: { date: '2026-11-02', present: true },
  });
  await call('POST', `/enrollments/${enrollment.body.id}/completion`, { token: scenario.facilitator, body: { score: 80 } });
  await eventually(async () => {
    const read = await call('GET', `/participants/${registered.participant.id}`, { token: scenario.officer });
    expect(read.body.sellerStatus).toBe('eligible');
  });
  return { ...registered, enrollmentId: enrollment.body.id as string };
}

describe('access log', () => {
  it('records each private read (who, roles, what); the participant sees it newest first; reading it is not logged', async () => {
    // Prepare
    const scenario = await people();
    const { participant, participantToken } = await scenario.registerParticipant();

    // Act
    expect((await call('GET', `/participants/${participant.id}`, { token: scenario.officer })).status).toBe(200);
    expect((await call('GET', `/groups/${scenario.groupId}/participants`, { token: scenario.facilitator })).status).toBe(200);
    expect((await call('GET', `/participants/${participant.id}/enrollments`, { token: scenario.admin })).status).toBe(200);
    const log = await call('GET', `/participants/${participant.id}/access-log`, { token: participantToken });
    const again = await call('GET', `/participants/${participant.id}/access-log`, { token: participantToken });

    // Assert
    expect(log.status).toBe(200);
    expect(log.body.items.map(({ actorSub, actorRoles, action }: Record<string, unknown>) => ({ actorSub, actorRoles, action }))).toEqual([
      { actorSub: scenario.adminSub, actorRoles: ['admin'], action: 'enrollments.read' },
      { actorSub: scenario.facilitatorSub, actorRoles: ['facilitator'], action: 'roster.read' },
      { actorSub: scenario.officerSub, actorRoles: ['officer'], action: 'participant.read' },
    ]);
    for (const entry of log.body.items) {
      expect(entry.participantId).toBe(participant.id);
      expect(entry.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    expect(log.body.nextCursor).toBeNull();
    expect(again.body.items).toHaveLength(3);
  });

  it('records the profile update, whose answer is the private record, as an access by the participant', async () => {
    const scenario = await people();
    const { participant, participantToken } = await scenario.registerParticipant();

    const updated = await call('PUT', `/participants/${participant.id}/profile`, {
      token: participantToken,
      body: { displayName: 'Bu Siti', story: null, publicConsent: false },
    });
    const log = await call('GET', `/participants/${participant.id}/access-log`, { token: participantToken });

    expect(updated.status).toBe(200);
    expect(updated.body.registerNumber).toBe(participant.registerNumber);
    expect(log.body.items).toEqual([
      expect.objectContaining({ action: 'profile.update', actorRoles: ['participant'], participantId: participant.id }),
    ]);
  });

  it('records a roster read only for the participants on the page shown', async () => {
    const scenario = await people();
    const first = await scenario.registerParticipant();
    const second = await scenario.registerParticipant();

    const page = await call('GET', `/groups/${scenario.groupId}/participants?limit=1`, { token: scenario.officer });
    const shown = page.body.items[0].id as string;
    const hidden = shown === first.participant.id ? second : first;
    const shownToken = shown === first.participant.id ? first.participantToken : second.participantToken;

    const shownLog = await call('GET', `/participants/${shown}/access-log`, { token: shownToken });
    const hiddenLog = await call('GET', `/participants/${hidden.participant.id}/access-log`, { token: hidden.participantToken });
    expect(shownLog.body.items.map((entry: { action: string }) => entry.action)).toEqual(['roster.read']);
    expect(hiddenLog.body.items).toEqual([]);
  });

  it('is hidden (404) from anyone who may not see the participant', async () => {
    const scenario = await people();
    const { participant } = await scenario.registerParticipant();
    const stranger = await tokenFor({ sub: `p-${randomUUID()}`, roles: ['participant'], participantId: newId('prt') });
    const otherFacilitator = await tokenFor({ sub: `f-${randomUUID()}`, roles: ['facilitator'], groupId: newId('grp') });

    const responses = await Promise.all(
      [stranger, otherFacilitator].map((token) => call('GET', `/participants/${participant.id}/access-log`, { token })),
    );

    expect(responses.map((response) => response.status)).toEqual([404, 404]);
  });
});

describe('export', () => {
  it('gives the participant one document with everything held about them, and nothing of their buyers', async () => {
    // Prepare
    const scenario = await people();
    const notes = `Tekun ${randomUUID()}`;
    const { participant, participantToken, enrollmentId } = await trainedParticipant(scenario, {}, notes);
    const listed = (await newProduct(participantToken)).id;
    const draft = (await newProduct(participantToken, {}, false)).id;
    const buyerSub = `buyer-${randomUUID()}`;
    const buyer = await tokenFor({ sub: buyerSub, roles: ['buyer'] });
    const recipientName = `Penerima ${randomUUID()}`;
    const order = await call('POST', '/orders', {
      token: buyer,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        items: [{ productId: listed, quantity: 2 }],
        shipping: { recipientName, phone: '0811-2222-3333', address: 'Jl. Pejanggik 10', city: 'Mataram', postalCode: '83121' },
      },
    });
    expect(order.status).toBe(201);

    // Act
    const exported = await call('GET', `/participants/${participant.id}/export`, { token: participantToken });

    // Assert
    expect(exported.status).toBe(200);
    const body = exported.body;
    expect(body.participant).toMatchObject({
      id: participant.id,
      legalName: participant.legalName,
      registerNumber: participant.registerNumber,
      phone: participant.phone,
      supervisionEndsOn: participant.supervisionEndsOn,
      officerSub: scenario.officerSub,
      erasedAt: null,
    });
    expect(body.enrollments).toEqual([expect.objectContaining({ id: enrollmentId, assessment: { motivation: 4, notes } })]);
    expect(body.products.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([
      [draft, 'draft'],
      [listed, 'listed'],
    ]);
    expect(body.orders).toEqual([
      {
        id: order.body.id,
        groupId: scenario.groupId,
        status: 'placed',
        items: [expect.objectContaining({ productId: listed, participantId: participant.id, quantity: 2, subtotalIdr: 170_000 })],
        sellerSubtotalIdr: 170_000,
        createdAt: order.body.createdAt,
        payBy: order.body.payBy,
      },
    ]);
    expect(body.earnings).toEqual({ totalIdr: 0, creditedIdr: 0, reversedIdr: 0, paidOutIdr: 0, balanceIdr: 0, entries: [] });
    expect(body.payouts).toEqual([]);
    expect(body.accessLog[0]).toMatchObject({ action: 'personal-data.export', actorRoles: ['participant'], participantId: participant.id });
    const text = JSON.stringify(body);
    for (const buyersData of [recipientName, '+6281122223333', 'Pejanggik', buyerSub]) expect(text).not.toContain(buyersData);
  });

  it('is the participant’s, officers’ and admins’: a facilitator or a buyer gets 403, another participant 404', async () => {
    const scenario = await people();
    const { participant } = await scenario.registerParticipant();
    const buyer = await tokenFor({ sub: `b-${randomUUID()}`, roles: ['buyer'] });
    const stranger = await tokenFor({ sub: `p-${randomUUID()}`, roles: ['participant'], participantId: newId('prt') });

    const statuses = await Promise.all(
      [scenario.officer, scenario.admin, scenario.facilitator, buyer, stranger].map(
        async (token) => (await call('GET', `/participants/${participant.id}/export`, { token })).status,
      ),
    );

    expect(statuses).toEqual([200, 200, 403, 403, 404]);
  });
});

describe('erasure', () => {
  it('leaves none of the erased values anywhere in the table, delists with one ProductDelisted, and is harmless repeated', async () => {
    // Prepare: unique values, since other tests share the table
    const scenario = await people();
    const unique = randomUUID();
    const digits = String(randomInt(10_000_000, 99_999_999));
    const secrets = {
      legalName: `Nama ${unique}`,
      registerNumber: `PK-${unique}`,
      phone: `+62812${digits}`,
      notes: `Catatan ${unique}`,
      displayName: `Tampil ${unique}`,
      story: `Cerita ${unique}`,
    };
    const { participant, participantToken, enrollmentId } = await trainedParticipant(
      scenario,
      { legalName: secrets.legalName, registerNumber: secrets.registerNumber, phone: `0812-${digits}` },
      secrets.notes,
    );
    const profile = { displayName: secrets.displayName, story: secrets.story, publicConsent: true };
    expect((await call('PUT', `/participants/${participant.id}/profile`, { token: participantToken, body: profile })).status).toBe(200);
    expect((await call('GET', `/artisans/${participant.id}`)).status).toBe(200);
    const listed = (await newProduct(participantToken)).id;
    const draft = (await newProduct(participantToken, {}, false)).id;
    expect((await tableText()).some((item) => item.includes(secrets.notes))).toBe(true);

    // Act
    const erased = await call('DELETE', `/participants/${participant.id}/personal-data`, { token: scenario.officer });
    const repeated = await call('DELETE', `/participants/${participant.id}/personal-data`, { token: scenario.admin });

    // Assert: the answer shows the erased state
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({
      id: participant.id,
      groupId: scenario.groupId,
      legalName: null,
      registerNumber: null,
      phone: null,
      profile: { displayName: null, story: null, publicConsent: false },
      erasedAt: expect.stringMatching(/Z$/),
    });
    expect(repeated.status).toBe(200);
    expect(repeated.body).toEqual(erased.body);

    // ... nothing of it survives in any item of the table
    const items = await tableText();
    for (const value of [...Object.values(secrets), digits]) expect(items.filter((item) => item.includes(value))).toEqual([]);

    // ... ids, figures and the enrollment stay; the notes are gone
    const enrollments = await call('GET', `/participants/${participant.id}/enrollments`, { token: scenario.officer });
    expect(enrollments.body.items).toEqual([
      expect.objectContaining({
        id: enrollmentId,
        status: 'completed',
        sessionsAttended: 1,
        score: 80,
        assessment: { motivation: 4, notes: null },
      }),
    ]);

    // ... the public page is gone and the product delisted, announced once (one outbox row, one event on the bus)
    expect((await call('GET', `/artisans/${participant.id}`)).status).toBe(404);
    expect((await call('GET', `/products/${listed}`, { token: participantToken })).body.status).toBe('delisted');
    const delistings = items.filter((item) => item.includes('"ProductDelisted"') && item.includes(listed));
    expect(delistings).toHaveLength(1);
    await eventually(async () => {
      const { recent } = await busStatus();
      expect(recent.filter((event) => event.detailType === 'ProductDelisted' && event.detail.data?.productId === listed)).toHaveLength(1);
    });

    // ... and nothing brings the data or the listing back
    const reprofile = await call('PUT', `/participants/${participant.id}/profile`, { token: participantToken, body: profile });
    const relist = await call('POST', `/products/${draft}/listing`, { token: participantToken });
    expect(reprofile.status).toBe(409);
    expect(relist.status).toBe(422);
    const log = await call('GET', `/participants/${participant.id}/access-log`, { token: participantToken });
    const erasures = log.body.items.filter((entry: { action: string }) => entry.action === 'personal-data.erase');
    expect(erasures.map((entry: { actorRoles: string[] }) => entry.actorRoles)).toEqual([['admin'], ['officer']]);
  });

  it('is for officers and admins: the participant or a facilitator gets 403, an unknown participant 404', async () => {
    const scenario = await people();
    const { participant, participantToken } = await scenario.registerParticipant();

    const byParticipant = await call('DELETE', `/participants/${participant.id}/personal-data`, { token: participantToken });
    const byFacilitator = await call('DELETE', `/participants/${participant.id}/personal-data`, { token: scenario.facilitator });
    const unknown = await call('DELETE', `/participants/${newId('prt')}/personal-data`, { token: scenario.officer });

    expect([byParticipant.status, byFacilitator.status, unknown.status]).toEqual([403, 403, 404]);
    expect((await call('GET', `/participants/${participant.id}`, { token: scenario.officer })).body.legalName).toBe('Siti Aminah');
  });
});

describe('consent', () => {
  it('withdrawn, it takes the artisan page down at once', async () => {
    const scenario = await people();
    const { participant, participantToken } = await scenario.registerParticipant();
    await call('PUT', `/participants/${participant.id}/profile`, {
      token: participantToken,
      body: { displayName: 'Bu Siti', story: null, publicConsent: true },
    });
    const shown = await call('GET', `/artisans/${participant.id}`);

    await call('PUT', `/participants/${participant.id}/profile`, {
      token: participantToken,
      body: { displayName: 'Bu Siti', story: null, publicConsent: false },
    });
    const hidden = await call('GET', `/artisans/${participant.id}`);

    expect(shown.status).toBe(200);
    expect(hidden.status).toBe(404);
  });
});
