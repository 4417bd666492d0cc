import { describe, expect, it } from 'vitest';
import { ProductDelisted } from '#events/product-delisted';
import type { Caller } from '#shared/kernel/auth/caller';
import { createProduct, listProduct } from '#shared/catalog/products';
import { newId } from '#shared/kernel/ids';
import type { Order } from '#shared/orders/schemas';
import { getArtisan, updateProfile } from '#shared/participants/participants';
import { participantProductsOf, programmeRecordsOf } from '#shared/privacy/deps';
import type { EarningsReader } from '#shared/privacy/ports';
import { erasePersonalData, exportPersonalData, getAccessLog } from '#shared/privacy/personal-data';
import { recordMentoring } from '#shared/programme/mentoring';
import { recordFollowUp } from '#shared/programme/follow-ups';
import { startPlacement } from '#shared/programme/placements';
import { enrollParticipant } from '#shared/training/enrollments';
import { createProgram } from '#shared/training/programs';
import { fakeCatalog } from '#test/support/fakes/catalog';
import { fakeAccessLog } from '#test/support/fakes/access-log';
import { fakeStores } from '#test/support/fakes/participants-training';
import { fixedClock } from '#test/support/fakes/clock';
import { fakeOrders } from '#test/support/fakes/orders';
import { fakeProgramme } from '#test/support/fakes/programme';
import { admin, officer, registeredParticipant } from '#test/support/fakes/registered-participant';

const noEarnings: EarningsReader = {
  of: async () => ({ totalIdr: 0, creditedIdr: 0, reversedIdr: 0, paidOutIdr: 0, balanceIdr: 0, entries: [] }),
  payoutsOf: async () => [],
};

/** A participant with an enrollment, a listed and a draft product and an order shared with another seller. */
async function setUp() {
  const clock = fixedClock();
  const stores = fakeStores();
  const log = fakeAccessLog();
  // A log of its own: the profile update's record is not what the export tests look for.
  const participantDeps = {
    groups: stores.groupStore,
    participants: stores.participantStore,
    artisans: stores.artisanStore,
    accessLog: fakeAccessLog().accessLog,
    clock,
  };
  const { group, participant, self, facilitator } = await registeredParticipant(participantDeps);
  await updateProfile(participantDeps, self, participant.id, { displayName: 'Bu Siti', story: 'Cerita', publicConsent: true });

  const trainingDeps = { programs: stores.programStore, enrollments: stores.enrollmentStore, directory: stores.directory, clock };
  const program = await createProgram(trainingDeps, facilitator, {
    groupId: group.id,
    title: 'Anyaman',
    description: 'Menganyam',
    skills: ['anyaman'],
    sessionsRequired: 1,
  });
  const enrollment = await enrollParticipant(trainingDeps, facilitator, program.id, {
    participantId: participant.id,
    assessment: { motivation: 4, notes: 'Tekun dan teliti' },
  });

  const catalog = fakeCatalog({ [participant.id]: { groupId: group.id, sellerStatus: 'eligible' } });
  const catalogDeps = { products: catalog.productStore, sellers: catalog.sellerDirectory, clock };
  const fields = { title: 'Tas', description: 'Dari plastik', category: 'tas', priceIdr: 50_000, stock: 3, materials: [] };
  const listed = await listProduct(catalogDeps, self, (await createProduct(catalogDeps, self, fields)).id);
  const draft = await createProduct(catalogDeps, self, { ...fields, title: 'Tikar' });

  const programme = fakeProgramme(
    { [participant.id]: { groupId: group.id, erased: false } },
    { [enrollment.id]: { participantId: participant.id, groupId: group.id, status: 'completed', completedAt: '2026-08-28T00:00:00.000Z' } },
  );
  const programmeDeps = {
    mentoring: programme.mentoring,
    placements: programme.placements,
    followUps: programme.followUps,
    sources: programme.sources,
    clock,
  };
  const session = await recordMentoring(programmeDeps, facilitator, participant.id, {
    date: '2026-11-27',
    topic: 'business',
    durationMinutes: 60,
    notes: 'Ingin membuka warung',
  });
  const placement = await startPlacement(programmeDeps, facilitator, participant.id, {
    kind: 'job',
    organisation: 'Toko Sinar Mataram',
    sector: 'retail',
    startedOn: '2026-11-20',
  });
  const followUp = await recordFollowUp(programmeDeps, facilitator, participant.id, {
    enrollmentId: enrollment.id,
    monthsAfter: 3,
    contactedOn: '2026-11-27',
    working: 'self_employed',
    monthlyIncomeBand: '1m_3m',
    stillSelling: true,
    notes: 'Berjualan di pasar Cakranegara',
  });

  const orders = fakeOrders([]);
  const otherSeller = newId('prt');
  const order: Order = {
    id: newId('ord'),
    buyerSub: 'buyer-1',
    groupId: group.id,
    status: 'placed',
    items: [
      { productId: listed.id, participantId: participant.id, title: 'Tas', quantity: 1, unitPriceIdr: 50_000, subtotalIdr: 50_000 },
      { productId: newId('prd'), participantId: otherSeller, title: 'Topi', quantity: 2, unitPriceIdr: 10_000, subtotalIdr: 20_000 },
    ],
    totalIdr: 70_000,
    shipping: { recipientName: 'Budi', phone: '+6281111111111', address: 'Jl. Pejanggik 10', city: 'Mataram', postalCode: '83121' },
    createdAt: '2026-11-28T05:36:47.000Z',
    payBy: '2026-11-29T05:36:47.000Z',
  };
  orders.orders.set(order.id, order);

  const deps = {
    participants: stores.participantStore,
    enrollments: stores.enrollmentStore,
    products: participantProductsOf(catalog.productStore),
    orders: orders.store,
    earnings: noEarnings,
    programme: programmeRecordsOf(programme.mentoring, programme.placements, programme.followUps),
    accessLog: log.accessLog,
    clock,
  };
  return {
    deps,
    participantDeps,
    stores,
    catalog,
    log,
    participant,
    self,
    facilitator,
    listed,
    draft,
    order,
    session,
    placement,
    followUp,
  };
}

describe('exportPersonalData', () => {
  it('gives the participant everything held about them, their order items only and nothing of the buyer', async () => {
    const { deps, self, participant, listed, draft, order, session, placement, followUp } = await setUp();

    const exported = await exportPersonalData(deps, self, participant.id);

    expect(exported.participant).toMatchObject({
      id: participant.id,
      legalName: 'Siti Aminah',
      registerNumber: 'PK-001',
      phone: '+6281234567890',
      supervisionEndsOn: '2027-06-30',
      officerSub: 'officer-7',
      profile: { displayName: 'Bu Siti', story: 'Cerita', publicConsent: true },
    });
    expect(exported.enrollments.map((e) => e.assessment.notes)).toEqual(['Tekun dan teliti']);
    expect(exported.products.map((p) => [p.id, p.status]).sort()).toEqual(
      [
        [listed.id, 'listed'],
        [draft.id, 'draft'],
      ].sort(),
    );
    expect(exported.orders).toEqual([
      {
        id: order.id,
        groupId: order.groupId,
        status: 'placed',
        items: [order.items[0]],
        sellerSubtotalIdr: order.items[0]?.subtotalIdr,
        createdAt: order.createdAt,
        payBy: order.payBy,
      },
    ]);
    expect(JSON.stringify(exported)).not.toContain('Budi');
    expect(JSON.stringify(exported)).not.toContain('buyer-1');
    expect(exported.earnings).toEqual({ totalIdr: 0, creditedIdr: 0, reversedIdr: 0, paidOutIdr: 0, balanceIdr: 0, entries: [] });
    expect(exported.payouts).toEqual([]);
    expect(exported.mentoringSessions).toEqual([session]);
    expect(exported.mentoringSessions[0]?.notes).toBe('Ingin membuka warung');
    expect(exported.placements).toEqual([placement]);
    expect(exported.placements[0]?.organisation).toBe('Toko Sinar Mataram');
    expect(exported.followUps).toEqual([followUp]);
    expect(exported.followUps[0]).toMatchObject({ dueOn: '2026-11-28', working: 'self_employed', notes: 'Berjualan di pasar Cakranegara' });
    expect(exported.accessLog).toEqual([
      {
        at: '2026-11-28T05:36:47.000Z',
        actorSub: 'p',
        actorRoles: ['participant'],
        action: 'personal-data.export',
        participantId: participant.id,
      },
    ]);
  });

  it('is refused to a facilitator (403) and hidden from another participant (404)', async () => {
    const { deps, facilitator, participant, log } = await setUp();
    const other: Caller = { sub: 'q', roles: ['participant'], participantId: newId('prt') };

    await expect(exportPersonalData(deps, facilitator, participant.id)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(exportPersonalData(deps, other, participant.id)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(exportPersonalData(deps, officer, newId('prt'))).rejects.toMatchObject({ kind: 'not-found' });
    expect(log.records).toEqual([]);
  });

  it('fails closed when the access log cannot be written', async () => {
    const { deps, participant } = await setUp();

    await expect(
      exportPersonalData({ ...deps, accessLog: fakeAccessLog({ failing: true }).accessLog }, officer, participant.id),
    ).rejects.toThrow('access log unavailable');
  });
});

describe('erasePersonalData', () => {
  it('erases the identifying fields, the notes and the profile, withdraws consent and delists with ProductDelisted', async () => {
    const { deps, participantDeps, stores, catalog, participant, listed, draft } = await setUp();

    const erased = await erasePersonalData(deps, officer, participant.id);

    expect(erased).toMatchObject({
      id: participant.id,
      groupId: participant.groupId,
      legalName: null,
      registerNumber: null,
      phone: null,
      profile: { displayName: null, story: null, publicConsent: false },
      erasedAt: '2026-11-28T05:36:47.000Z',
    });
    expect([...stores.enrollments.values()].map((e) => e.assessment)).toEqual([{ motivation: 4, notes: null }]);
    expect(catalog.products.get(listed.id)?.status).toBe('delisted');
    expect(catalog.products.get(draft.id)?.status).toBe('draft');
    expect(catalog.events).toHaveLength(2);
    expect(catalog.events[1]).toMatchObject({
      contract: ProductDelisted,
      data: { productId: listed.id, participantId: participant.id, groupId: participant.groupId },
    });
    await expect(getArtisan(participantDeps, participant.id)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it("removes mentoring notes, placements' organisations and follow-up notes, keeping ids, dates, kinds and figures", async () => {
    const { deps, participant, session, placement, followUp } = await setUp();

    await erasePersonalData(deps, officer, participant.id);
    const exported = await exportPersonalData(deps, officer, participant.id);

    expect(exported.mentoringSessions).toEqual([{ ...session, notes: null }]);
    expect(exported.placements).toEqual([{ ...placement, organisation: null }]);
    expect(exported.followUps).toEqual([{ ...followUp, notes: null }]);
  });

  it('is harmless when repeated: the same answer and no new event', async () => {
    const { deps, catalog, participant } = await setUp();
    const first = await erasePersonalData(deps, officer, participant.id);

    const second = await erasePersonalData(deps, admin, participant.id);

    expect(second).toEqual(first);
    expect(catalog.events.filter((event) => event.contract === ProductDelisted)).toHaveLength(1);
  });

  it('records the erasure in the access log', async () => {
    const { deps, log, participant } = await setUp();

    await erasePersonalData(deps, officer, participant.id);

    expect(log.records).toEqual([
      {
        at: '2026-11-28T05:36:47.000Z',
        actorSub: 'officer-7',
        actorRoles: ['officer'],
        action: 'personal-data.erase',
        participantId: participant.id,
      },
    ]);
  });

  it('is for officers and admins only; an unknown participant is a 404', async () => {
    const { deps, self, facilitator, participant } = await setUp();

    await expect(erasePersonalData(deps, self, participant.id)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(erasePersonalData(deps, facilitator, participant.id)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(erasePersonalData(deps, officer, newId('prt'))).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('keeps the profile from coming back: a later profile update is a conflict', async () => {
    const { deps, participantDeps, self, participant } = await setUp();
    await erasePersonalData(deps, officer, participant.id);

    await expect(
      updateProfile(participantDeps, self, participant.id, { displayName: 'Lagi', story: null, publicConsent: true }),
    ).rejects.toMatchObject({ kind: 'conflict' });
  });
});

describe('getAccessLog', () => {
  it('shows the participant who looked, newest first, and is not itself logged', async () => {
    const { deps, self, participant } = await setUp();
    await exportPersonalData(deps, officer, participant.id);
    await exportPersonalData(deps, admin, participant.id);

    const page = await getAccessLog(deps, self, participant.id, { limit: 20 });
    const again = await getAccessLog(deps, self, participant.id, { limit: 20 });

    expect(page.items.map((record) => record.actorSub)).toEqual(['admin', 'officer-7']);
    expect(again.items).toHaveLength(2);
  });

  it('is hidden from anyone who may not see the participant', async () => {
    const { deps, participant } = await setUp();
    const otherFacilitator: Caller = { sub: 'g', roles: ['facilitator'], groupId: newId('grp') };

    await expect(getAccessLog(deps, otherFacilitator, participant.id, { limit: 20 })).rejects.toMatchObject({ kind: 'not-found' });
  });
});
