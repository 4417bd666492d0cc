import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { productKey } from '#shared/kernel/store/keys';
import { newId } from '#shared/kernel/ids';
import { busStatus } from '#test/support/api/bus';
import { call, eventually, tokenFor } from '#test/support/api/client';
import { newGroupScenario } from '#test/support/api/scenario';
import { newProduct, productBody } from '#test/support/api/shop';
import { localTable } from '#test/support/table/local-table';
import { draftProduct, storedListing } from '#test/support/table/products';
import { buildProductStore } from '#shared/catalog/dynamo-product-store';

const product = (category = 'tas') => productBody({ category });

const { doc, table, cursors } = localTable();

const privateFields = ['legalName', 'registerNumber', 'supervisionEndsOn', 'phone', 'officerSub'];

describe('creating products', () => {
  it('refuses a participant until a completed training makes them eligible (403, then 201)', async () => {
    const scenario = await newGroupScenario({ sessionsRequired: 1 });
    const { participant, participantToken, enrollment } = await scenario.enrolledParticipant({ motivation: 5, notes: '' });

    const before = await call('POST', '/products', { token: participantToken, body: product() });
    await call('POST', `/enrollments/${enrollment.id}/attendance`, {
      token: scenario.facilitator,
      body: { date: '2026-11-03', present: true },
    });
    await call('POST', `/enrollments/${enrollment.id}/completion`, { token: scenario.facilitator, body: { score: 75 } });
    const after = await (async () => {
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const response = await call('POST', '/products', { token: participantToken, body: product() });
        if (response.status !== 403) return response;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('never became eligible');
    })();

    expect(before.status).toBe(403);
    expect(after.status).toBe(201);
    expect(after.body).toMatchObject({
      ...product(),
      participantId: participant.id,
      groupId: scenario.groupId,
      status: 'draft',
      images: [],
      listedAt: null,
    });
    expect(after.body.id).toMatch(/^prd_/);
  });

  it("lets the group's facilitator create for a participant, naming them", async () => {
    const { eligibleParticipant, facilitator } = await newGroupScenario({ sessionsRequired: 1 });
    const { participant } = await eligibleParticipant();

    const named = await call('POST', '/products', { token: facilitator, body: { ...product(), participantId: participant.id } });
    const unnamed = await call('POST', '/products', { token: facilitator, body: product() });

    expect(named.status).toBe(201);
    expect(named.body.participantId).toBe(participant.id);
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors).toEqual([{ path: 'body.participantId', message: 'Required for facilitators' }]);
  });

  it("refuses another group's facilitator (422), a buyer (403) and no token (401)", async () => {
    const { eligibleParticipant } = await newGroupScenario({ sessionsRequired: 1 });
    const { participant } = await eligibleParticipant();
    const otherFacilitator = await tokenFor({ sub: `f-${randomUUID()}`, roles: ['facilitator'], groupId: newId('grp') });
    const buyer = await tokenFor({ sub: `b-${randomUUID()}`, roles: ['buyer'] });

    const byOther = await call('POST', '/products', { token: otherFacilitator, body: { ...product(), participantId: participant.id } });
    const byBuyer = await call('POST', '/products', { token: buyer, body: product() });
    const anonymous = await call('POST', '/products', { body: product() });

    expect(byOther.status).toBe(422);
    expect(byBuyer.status).toBe(403);
    expect(anonymous.status).toBe(401);
  });

  it.each([
    ['a decimal price', { priceIdr: 85_000.5 }, 'body.priceIdr'],
    ['a zero price', { priceIdr: 0 }, 'body.priceIdr'],
    ['negative stock', { stock: -1 }, 'body.stock'],
    ['a material without grams', { materials: [{ material: 'plastik' }] }, 'body.materials.0.grams'],
    ['a status chosen by the client', { status: 'listed' }, 'body.status'],
    ['a category that is not a slug', { category: 'Tas Besar' }, 'body.category'],
  ])('refuses %s (400 naming the field)', async (_, change, path) => {
    const { eligibleParticipant } = await newGroupScenario({ sessionsRequired: 1 });
    const { participantToken } = await eligibleParticipant();

    const response = await call('POST', '/products', { token: participantToken, body: { ...product(), ...change } });

    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});

describe('the listing lifecycle', () => {
  it('draft → listed → delisted → listed again; wrong steps are 409', async () => {
    const { eligibleParticipant, facilitator } = await newGroupScenario({ sessionsRequired: 1 });
    const { participantToken } = await eligibleParticipant();
    const created = await call('POST', '/products', { token: participantToken, body: product() });
    const id = created.body.id;

    const delistDraft = await call('DELETE', `/products/${id}/listing`, { token: participantToken });
    const listed = await call('POST', `/products/${id}/listing`, { token: participantToken });
    const listTwice = await call('POST', `/products/${id}/listing`, { token: participantToken });
    const delisted = await call('DELETE', `/products/${id}/listing`, { token: facilitator });
    const relisted = await call('POST', `/products/${id}/listing`, { token: facilitator });

    expect(delistDraft.status).toBe(409);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ status: 'listed', listedAt: expect.any(String) });
    expect(listTwice.status).toBe(409);
    expect(delisted.body.status).toBe('delisted');
    expect(relisted.body.status).toBe('listed');
    const published = await eventually(async () => {
      const { recent } = await busStatus();
      const mine = recent.filter((event) => event.detail.data?.productId === id).map((event) => event.detailType);
      expect(mine).toHaveLength(3);
      return { mine, data: recent.find((event) => event.detail.data?.productId === id)?.detail.data };
    });
    expect(published.mine).toEqual(['ProductListed', 'ProductDelisted', 'ProductListed']);
    expect(Object.keys(published.data ?? {}).sort()).toEqual([
      'category',
      'groupId',
      'participantId',
      'priceIdr',
      'productId',
      'stock',
      'title',
    ]);
  });

  it('edits by the seller and facilitator only; 404 to strangers for a draft, 403 once it is public', async () => {
    const { eligibleParticipant, facilitator } = await newGroupScenario({ sessionsRequired: 1 });
    const { participantToken } = await eligibleParticipant();
    const { body: created } = await call('POST', '/products', { token: participantToken, body: product() });
    const stranger = await tokenFor({ sub: `b-${randomUUID()}`, roles: ['buyer'] });

    const bySeller = await call('PATCH', `/products/${created.id}`, { token: participantToken, body: { priceIdr: 90_000, stock: 7 } });
    const byFacilitator = await call('PATCH', `/products/${created.id}`, { token: facilitator, body: { title: 'Tas anyaman besar' } });
    const draftByStranger = await call('PATCH', `/products/${created.id}`, { token: stranger, body: { stock: 1 } });
    await call('POST', `/products/${created.id}/listing`, { token: participantToken });
    const listedByStranger = await call('PATCH', `/products/${created.id}`, { token: stranger, body: { stock: 1 } });
    const emptyPatch = await call('PATCH', `/products/${created.id}`, { token: participantToken, body: {} });

    expect(bySeller.body).toMatchObject({ priceIdr: 90_000, stock: 7 });
    expect(byFacilitator.body).toMatchObject({ title: 'Tas anyaman besar', priceIdr: 90_000 });
    expect(draftByStranger.status).toBe(404);
    expect(listedByStranger.status).toBe(403);
    expect(emptyPatch.status).toBe(400);
  });
});

describe('reading one product', () => {
  it('shows a draft to its seller and facilitators only, and a listed product to anyone', async () => {
    const { eligibleParticipant, facilitator } = await newGroupScenario({ sessionsRequired: 1 });
    const { participantToken } = await eligibleParticipant();
    const { body: created } = await call('POST', '/products', { token: participantToken, body: product() });
    const stranger = await tokenFor({ sub: `f-${randomUUID()}`, roles: ['facilitator'], groupId: newId('grp') });

    const draftAnonymous = await call('GET', `/products/${created.id}`);
    const draftStranger = await call('GET', `/products/${created.id}`, { token: stranger });
    const draftSeller = await call('GET', `/products/${created.id}`, { token: participantToken });
    const draftFacilitator = await call('GET', `/products/${created.id}`, { token: facilitator });
    await call('POST', `/products/${created.id}/listing`, { token: participantToken });
    const listedAnonymous = await call('GET', `/products/${created.id}`);
    const listedStranger = await call('GET', `/products/${created.id}`, { token: stranger });

    expect([draftAnonymous.status, draftStranger.status, draftSeller.status, draftFacilitator.status]).toEqual([404, 404, 200, 200]);
    expect([listedAnonymous.status, listedStranger.status]).toEqual([200, 200]);
    expect(listedAnonymous.body).toMatchObject({ id: created.id, status: 'listed' });
    for (const field of privateFields) expect(listedAnonymous.body).not.toHaveProperty(field);
  });

  it('answers 401 to a token that is present but invalid or expired, rather than treating it as anonymous', async () => {
    const { eligibleParticipant } = await newGroupScenario({ sessionsRequired: 1 });
    const { participantToken } = await eligibleParticipant();
    const created = await newProduct(participantToken);
    const expired = await tokenFor({ sub: 'x', roles: ['buyer'], expiresInSeconds: -60 });

    const tampered = await call('GET', `/products/${created.id}`, { token: `${participantToken.slice(0, -4)}AAAA` });
    const late = await call('GET', `/products/${created.id}`, { token: expired });

    expect(tampered.status).toBe(401);
    expect(late.status).toBe(401);
    expect(late.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('browsing', () => {
  it('lists only listed products, filtered by group, category and artisan, newest first, across pages', async () => {
    const { eligibleParticipant, groupId } = await newGroupScenario({ sessionsRequired: 1 });
    const seller = await eligibleParticipant();
    const category = `uji-${randomUUID().slice(0, 8)}`;
    const listedIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      listedIds.push((await newProduct(seller.participantToken, { category })).id);
    }
    await newProduct(seller.participantToken, { category }, false);
    const newestFirst = [...listedIds].reverse();

    const pages = [];
    let cursor: string | null = null;
    do {
      const response = await call('GET', `/products?category=${category}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.status).toBe(200);
      pages.push(response.body.items.map((p: { id: string }) => p.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    const byGroup = await call('GET', `/products?groupId=${groupId}`);
    const byArtisan = await call('GET', `/products?artisanId=${seller.participant.id}&category=${category}`);

    expect(pages).toEqual([newestFirst.slice(0, 2), newestFirst.slice(2, 4), newestFirst.slice(4)]);
    expect(byGroup.body.items.map((p: { id: string }) => p.id)).toEqual(newestFirst);
    expect(byArtisan.body.items.map((p: { id: string }) => p.id)).toEqual(newestFirst);
    for (const item of byGroup.body.items) for (const field of privateFields) expect(item).not.toHaveProperty(field);
  });

  it('reads a bounded part of the group per request: a rare category answers an empty page with a cursor, then the product', async () => {
    // One listing through the catalog's store, and 520 copies of its stored item under new ids, newer than the match:
    // 520 listings through the API (or 1,040 transactions) would take most of a minute here.
    const products = buildProductStore(doc, table, cursors);
    const groupId = newId('grp');
    const rare = `langka-${randomUUID().slice(0, 8)}`;
    const at = new Date().toISOString();
    const match = await storedListing(products, draftProduct(at, { groupId, category: rare }), at);
    const other = await storedListing(products, draftProduct(at, { groupId }), at);
    const { Item: stored } = await doc.send(new GetCommand({ TableName: table, Key: productKey(other.id) }));
    const copies = Array.from({ length: 520 }, () => JSON.parse(JSON.stringify(stored).replaceAll(other.id, newId('prd'))));
    for (let start = 0; start < copies.length; start += 25)
      await doc.send(
        new BatchWriteCommand({ RequestItems: { [table]: copies.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })) } }),
      );

    const first = await call('GET', `/products?groupId=${groupId}&category=${rare}`);
    const second = await call('GET', `/products?groupId=${groupId}&category=${rare}&cursor=${encodeURIComponent(first.body.nextCursor)}`);

    expect(first.status).toBe(200);
    expect(first.body).toEqual({ items: [], nextCursor: expect.any(String) });
    expect(second.body.items.map((p: { id: string }) => p.id)).toEqual([match.id]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('refuses a tampered cursor and a malformed filter (400)', async () => {
    const tampered = await call('GET', '/products?cursor=eyJway.bad');
    const badGroup = await call('GET', '/products?groupId=nope');

    expect(tampered.status).toBe(400);
    expect(badGroup.status).toBe(400);
    expect(badGroup.body.errors[0].path).toBe('query.groupId');
  });
});
