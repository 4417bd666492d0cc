import { describe, expect, it } from 'vitest';
import { ParticipantRegistered } from '#events/participant-registered';
import type { Caller } from '#shared/kernel/auth/caller';
import { createGroup } from '#shared/participants/groups';
import {
  getArtisan,
  getParticipant,
  listGroupParticipants,
  markSellerEligible,
  registerParticipant,
  updateProfile,
} from '#shared/participants/participants';
import { fakeAccessLog } from '#test/support/fakes/access-log';
import { fakeStores } from '#test/support/fakes/participants-training';
import { fixedClock } from '#test/support/fakes/clock';
import { admin, officer, registeredParticipant } from '#test/support/fakes/registered-participant';

async function setUp() {
  const stores = fakeStores();
  const log = fakeAccessLog();
  const deps = {
    groups: stores.groupStore,
    participants: stores.participantStore,
    artisans: stores.artisanStore,
    accessLog: log.accessLog,
    clock: fixedClock(),
  };
  const { group, participant, self, facilitator } = await registeredParticipant(deps);
  return { stores, log, deps, group, participant, self, facilitator };
}

describe('createGroup', () => {
  it('is for admins only', async () => {
    const { deps } = await setUp();

    await expect(createGroup(deps, officer, { name: 'X', focus: 'Y', district: 'Z', participantSharePercent: 80 })).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });
});

describe('registerParticipant', () => {
  it('starts not eligible, without consent, records the officer, and emits ids only', async () => {
    const { participant, stores, group } = await setUp();

    expect(participant).toMatchObject({
      officerSub: 'officer-7',
      sellerStatus: 'not_eligible',
      profile: { publicConsent: false },
      createdAt: '2026-11-28T05:36:47.000Z',
    });
    expect(stores.events).toEqual([
      {
        contract: ParticipantRegistered,
        data: { participantId: participant.id, groupId: group.id },
        occurredAt: '2026-11-28T05:36:47.000Z',
      },
    ]);
  });

  it('is for officers only', async () => {
    const { deps, group } = await setUp();

    await expect(
      registerParticipant(deps, admin, { legalName: 'A', registerNumber: 'B', groupId: group.id, supervisionEndsOn: '2027-01-01' }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('getParticipant', () => {
  it.each([
    ['an officer', officer],
    ['an admin', admin],
  ])('shows the private record to %s', async (_, caller) => {
    const { deps, participant } = await setUp();

    await expect(getParticipant(deps, caller, participant.id)).resolves.toEqual(participant);
  });

  it("shows it to the group's facilitator and to the participant", async () => {
    const { deps, participant, facilitator, self } = await setUp();

    await expect(getParticipant(deps, facilitator, participant.id)).resolves.toEqual(participant);
    await expect(getParticipant(deps, self, participant.id)).resolves.toEqual(participant);
  });

  it.each<[string, Caller]>([
    ['a buyer', { sub: 'b', roles: ['buyer'] }],
    ['a facilitator of another group', { sub: 'f2', roles: ['facilitator'], groupId: 'grp_other' }],
    ['another participant', { sub: 'p2', roles: ['participant'], participantId: 'prt_other' }],
    ['a participant claim without the participant role', { sub: 'x', roles: ['buyer'], participantId: 'prt_self' }],
  ])('hides it from %s as if it did not exist', async (_, caller) => {
    const { deps, participant } = await setUp();

    await expect(getParticipant(deps, caller, participant.id)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('records the read in the access log, who and with which roles', async () => {
    const { deps, log, participant, facilitator } = await setUp();

    await getParticipant(deps, facilitator, participant.id);

    expect(log.records).toEqual([
      {
        at: '2026-11-28T05:36:47.000Z',
        actorSub: 'f',
        actorRoles: ['facilitator'],
        action: 'participant.read',
        participantId: participant.id,
      },
    ]);
  });

  it('records nothing for a refused read', async () => {
    const { deps, log, participant } = await setUp();

    await expect(getParticipant(deps, { sub: 'b', roles: ['buyer'] }, participant.id)).rejects.toMatchObject({ kind: 'not-found' });

    expect(log.records).toEqual([]);
  });

  it('fails closed: no private data when the access log cannot be written', async () => {
    const { deps, participant } = await setUp();
    const failing = { ...deps, accessLog: fakeAccessLog({ failing: true }).accessLog };

    await expect(getParticipant(failing, officer, participant.id)).rejects.toThrow('access log unavailable');
  });
});

describe('listGroupParticipants', () => {
  it("refuses anyone but the group's facilitators, officers and admins", async () => {
    const { deps, group, self, facilitator } = await setUp();

    await expect(listGroupParticipants(deps, facilitator, group.id, { limit: 20 })).resolves.toMatchObject({ items: [expect.any(Object)] });
    await expect(listGroupParticipants(deps, self, group.id, { limit: 20 })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('records one read per participant shown', async () => {
    const { deps, log, group, participant } = await setUp();
    const second = await registerParticipant(deps, officer, {
      legalName: 'Budi',
      registerNumber: 'PK-002',
      groupId: group.id,
      supervisionEndsOn: '2027-06-30',
    });

    await listGroupParticipants(deps, officer, group.id, { limit: 20 });

    expect(log.records.map((record) => [record.participantId, record.action, record.actorSub])).toEqual([
      [participant.id, 'roster.read', 'officer-7'],
      [second.id, 'roster.read', 'officer-7'],
    ]);
  });
});

describe('profile and artisan page', () => {
  it('shows the artisan page only with consent and a name, with no private field', async () => {
    const { deps, participant, self, group } = await setUp();
    await expect(getArtisan(deps, participant.id)).rejects.toMatchObject({ kind: 'not-found' });

    await updateProfile(deps, self, participant.id, { displayName: 'Bu Siti', story: 'Cerita', publicConsent: true });

    await expect(getArtisan(deps, participant.id)).resolves.toEqual({
      id: participant.id,
      displayName: 'Bu Siti',
      story: 'Cerita',
      groupId: group.id,
    });
  });

  it('lets only the participant edit: 403 to those who may see, 404 to those who may not', async () => {
    const { deps, participant } = await setUp();
    const profile = { displayName: 'X', story: null, publicConsent: false };

    await expect(updateProfile(deps, officer, participant.id, profile)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(updateProfile(deps, { sub: 'b', roles: ['buyer'] }, participant.id, profile)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('refuses consent without a display name', async () => {
    const { deps, participant, self } = await setUp();

    await expect(updateProfile(deps, self, participant.id, { displayName: null, story: null, publicConsent: true })).rejects.toMatchObject({
      kind: 'business-rule',
    });
  });
});

describe('markSellerEligible', () => {
  it('makes the participant eligible once; a repeat changes nothing', async () => {
    const { deps, participant, stores } = await setUp();

    const first = await markSellerEligible(deps, participant.id);
    const afterFirst = stores.participants.get(participant.id);
    const second = await markSellerEligible({ ...deps, clock: fixedClock('2026-12-01T00:00:00.000Z') }, participant.id);

    expect(first).toBe(true);
    expect(second).toBe(false);
    expect(stores.participants.get(participant.id)).toEqual(afterFirst);
    expect(afterFirst?.sellerStatus).toBe('eligible');
  });
});
