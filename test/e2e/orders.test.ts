import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { busStatus } from '#test/support/api/bus';
import { call, eventually, tokenFor } from '#test/support/api/client';
import { newGroupScenario } from '#test/support/api/scenario';
import { newBuyer, newProduct, shipping } from '#test/support/api/shop';

/** A group with an eligible seller; `listed` makes and lists one of their products. */
async function shop() {
  const scenario = await newGroupScenario({ sessionsRequired: 1 });
  const { participant, participantToken } = await scenario.eligibleParticipant();
  const make = (overrides: Record<string, unknown> = {}, list = true) => newProduct(participantToken, overrides, list);
  return { ...scenario, participant, participantToken, make };
}

const order = (token: string, key: string | undefined, items: { productId: string; quantity: number }[]) =>
  call('POST', '/orders', { token, headers: key === undefined ? {} : { 'idempotency-key': key }, body: { items, shipping } });

describe('placing orders', () => {
  it('prices from the catalog, answers 201 with the order, and announces OrderPlaced with ids and figures only', async () => {
    const { make, groupId, participant } = await shop();
    const product = await make({ priceIdr: 42_500 });
    const buyer = await newBuyer();

    const placed = await order(buyer.token, randomUUID(), [{ productId: product.id, quantity: 2 }]);

    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({
      buyerSub: buyer.sub,
      groupId,
      status: 'placed',
      items: [
        {
          productId: product.id,
          participantId: participant.id,
          title: 'Tas anyaman bungkus kopi',
          quantity: 2,
          unitPriceIdr: 42_500,
          subtotalIdr: 85_000,
        },
      ],
      totalIdr: 85_000,
      shipping: { ...shipping, phone: '+6281234567890' },
    });
    expect(placed.body.id).toMatch(/^ord_/);
    expect((await call('GET', `/products/${product.id}`)).body.stock).toBe(8);
    const data = await eventually(async () => {
      const { recent } = await busStatus();
      const event = recent.find((e) => e.detailType === 'OrderPlaced' && e.detail.data?.orderId === placed.body.id);
      expect(event).toBeDefined();
      return event?.detail.data;
    });
    expect(data).toEqual({
      orderId: placed.body.id,
      groupId,
      items: [{ productId: product.id, participantId: participant.id, quantity: 2, unitPriceIdr: 42_500 }],
      totalIdr: 85_000,
    });
  });

  it('sells exactly the stock to 30 concurrent buyers: 10 × 201, 20 × 409, stock 0', async () => {
    const { make } = await shop();
    const product = await make({ stock: 10 });
    const buyers = await Promise.all(Array.from({ length: 30 }, newBuyer));

    const responses = await Promise.all(buyers.map((buyer) => order(buyer.token, randomUUID(), [{ productId: product.id, quantity: 1 }])));

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.filter((status) => status === 409)).toHaveLength(20);
    expect((await call('GET', `/products/${product.id}`)).body.stock).toBe(0);
  });

  it('answers concurrent replays of one key with one order; another body under the key is a 422', async () => {
    const { make } = await shop();
    const product = await make();
    const buyer = await newBuyer();
    const key = randomUUID();

    const replays = await Promise.all(Array.from({ length: 10 }, () => order(buyer.token, key, [{ productId: product.id, quantity: 1 }])));
    const other = await order(buyer.token, key, [{ productId: product.id, quantity: 3 }]);
    const later = await order(buyer.token, key, [{ productId: product.id, quantity: 1 }]);

    const created = replays.filter((response) => response.status === 201);
    expect(replays.every((response) => response.status === 201 || response.status === 409)).toBe(true);
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((response) => response.body.id)).size).toBe(1);
    expect(later.status).toBe(201);
    expect(later.body).toEqual(created[0]?.body);
    expect(other.status).toBe(422);
    const mine = await call('GET', '/orders', { token: buyer.token });
    expect(mine.body.items.map((o: { id: string }) => o.id)).toEqual([later.body.id]);
    expect((await call('GET', `/products/${product.id}`)).body.stock).toBe(9);
  });

  it('refuses a missing key (400), two groups’ products or a draft (422), a non-buyer (403)', async () => {
    const first = await shop();
    const second = await shop();
    const mine = await first.make();
    const theirs = await second.make();
    const draft = await first.make({}, false);
    const buyer = await newBuyer();

    const noKey = await order(buyer.token, undefined, [{ productId: mine.id, quantity: 1 }]);
    const longKey = await order(buyer.token, 'k'.repeat(256), [{ productId: mine.id, quantity: 1 }]);
    const mixed = await order(buyer.token, randomUUID(), [
      { productId: mine.id, quantity: 1 },
      { productId: theirs.id, quantity: 1 },
    ]);
    const unlisted = await order(buyer.token, randomUUID(), [{ productId: draft.id, quantity: 1 }]);
    const duplicate = await order(buyer.token, randomUUID(), [
      { productId: mine.id, quantity: 1 },
      { productId: mine.id, quantity: 1 },
    ]);
    const priced = await call('POST', '/orders', {
      token: buyer.token,
      headers: { 'idempotency-key': randomUUID() },
      body: { items: [{ productId: mine.id, quantity: 1, unitPriceIdr: 1 }], shipping },
    });
    const bySeller = await order(first.participantToken, randomUUID(), [{ productId: mine.id, quantity: 1 }]);

    expect(noKey.status).toBe(400);
    expect(noKey.body.errors).toEqual([{ path: 'headers.idempotency-key', message: expect.any(String) }]);
    expect(longKey.status).toBe(400);
    expect(mixed.status).toBe(422);
    expect(unlisted.status).toBe(422);
    expect(duplicate.status).toBe(400);
    expect(priced.status).toBe(400);
    expect(bySeller.status).toBe(403);
    expect((await call('GET', `/products/${mine.id}`)).body.stock).toBe(10);
  });
});

describe('reading orders', () => {
  it('shows an order to its buyer, its seller and the group’s facilitator; 404 to another buyer', async () => {
    const { make, participantToken, facilitator } = await shop();
    const product = await make();
    const buyer = await newBuyer();
    const stranger = await newBuyer();
    const placed = await order(buyer.token, randomUUID(), [{ productId: product.id, quantity: 1 }]);

    const read = async (token: string) => (await call('GET', `/orders/${placed.body.id}`, { token })).status;

    expect(await read(buyer.token)).toBe(200);
    expect(await read(participantToken)).toBe(200);
    expect(await read(facilitator)).toBe(200);
    expect(await read(stranger.token)).toBe(404);
    expect((await call('GET', '/orders/ord_nonsense', { token: buyer.token })).status).toBe(404);
  });

  it('lists the orders each role may see, newest first, with a status filter', async () => {
    const { make, participantToken, facilitator, admin } = await shop();
    const product = await make();
    const buyer = await newBuyer();
    const older = await order(buyer.token, randomUUID(), [{ productId: product.id, quantity: 1 }]);
    const newer = await order(buyer.token, randomUUID(), [{ productId: product.id, quantity: 1 }]);
    const ids = async (token: string, query = '') =>
      (await call('GET', `/orders${query}`, { token })).body.items.map((o: { id: string }) => o.id) as string[];

    expect(await ids(buyer.token)).toEqual([newer.body.id, older.body.id]);
    expect(await ids(participantToken)).toEqual([newer.body.id, older.body.id]);
    expect(await ids(facilitator, '?status=placed')).toEqual([newer.body.id, older.body.id]);
    expect(await ids(facilitator, '?status=paid')).toEqual([]);
    expect(await ids(admin, '?limit=100')).toEqual(expect.arrayContaining([newer.body.id, older.body.id]));
    expect((await call('GET', '/orders?status=lost', { token: buyer.token })).status).toBe(400);
    expect((await call('GET', '/orders', { token: await tokenFor({ sub: 'o', roles: ['officer'] }) })).status).toBe(403);
  });
});
