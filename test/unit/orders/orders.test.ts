import { describe, expect, it } from 'vitest';
import { defaultPaymentWindowSeconds } from '#shared/orders/payment-window';
import { OrderPlaced } from '#events/order-placed';
import type { Caller } from '#shared/kernel/auth/caller';
import { newId } from '#shared/kernel/ids';
import { MetricName } from '#shared/kernel/observability/metric-names';
import { getOrder, listOrders, placeOrder } from '#shared/orders/orders';
import type { OrderableProduct, OrderStore } from '#shared/orders/ports';
import { PlaceOrderSchema } from '#shared/orders/schemas';
import * as z from '#shared/kernel/validation';
import { fixedClock } from '#test/support/fakes/clock';
import { recordingCounter } from '#test/support/fakes/counter';
import { fakeOrders } from '#test/support/fakes/orders';

const groupId = newId('grp');
const seller = newId('prt');
const otherSeller = newId('prt');
const product = (overrides: Partial<OrderableProduct> = {}): OrderableProduct => ({
  id: newId('prd'),
  participantId: seller,
  groupId,
  title: 'Tas anyaman',
  priceIdr: 85_000,
  stock: 5,
  status: 'listed',
  ...overrides,
});

const buyer: Caller = { sub: 'buyer-1', roles: ['buyer'] };
const shipping = { recipientName: 'Budi', phone: '0812-3456-7890', address: 'Jl. Pejanggik 10', city: 'Mataram', postalCode: '83121' };
const body = (items: { productId: string; quantity: number }[]) => z.parse(PlaceOrderSchema, { items, shipping });

function setUp(products: OrderableProduct[]) {
  const fakes = fakeOrders(products);
  const { counter, counted } = recordingCounter();
  return {
    fakes,
    counted,
    deps: { orders: fakes.store, catalog: fakes.catalog, clock: fixedClock(), counter, paymentWindowSeconds: defaultPaymentWindowSeconds },
  };
}

describe('placeOrder', () => {
  it('prices every line from the catalog, takes the stock and announces ids and figures only', async () => {
    const bag = product();
    const mat = product({ participantId: otherSeller, priceIdr: 40_000, title: 'Tikar' });
    const { deps, fakes } = setUp([bag, mat]);

    const order = await placeOrder(
      deps,
      buyer,
      'key-1',
      body([
        { productId: bag.id, quantity: 2 },
        { productId: mat.id, quantity: 1 },
      ]),
    );

    expect(order).toMatchObject({
      buyerSub: 'buyer-1',
      groupId,
      status: 'placed',
      totalIdr: 210_000,
      shipping: { ...shipping, phone: '+6281234567890' },
      items: [
        { productId: bag.id, participantId: seller, title: 'Tas anyaman', quantity: 2, unitPriceIdr: 85_000, subtotalIdr: 170_000 },
        { productId: mat.id, participantId: otherSeller, title: 'Tikar', quantity: 1, unitPriceIdr: 40_000, subtotalIdr: 40_000 },
      ],
    });
    expect(order.id).toMatch(/^ord_/);
    expect([fakes.products.get(bag.id)?.stock, fakes.products.get(mat.id)?.stock]).toEqual([3, 4]);
    expect(fakes.events.map((event) => event.contract)).toEqual([OrderPlaced]);
    expect(fakes.events[0]?.data).toEqual({
      orderId: order.id,
      groupId,
      items: [
        { productId: bag.id, participantId: seller, quantity: 2, unitPriceIdr: 85_000 },
        { productId: mat.id, participantId: otherSeller, quantity: 1, unitPriceIdr: 40_000 },
      ],
      totalIdr: 210_000,
    });
  });

  it('refuses unknown, unlisted and mixed-group products (422), and a shortage (409), changing nothing', async () => {
    const bag = product();
    const draft = product({ status: 'draft' });
    const elsewhere = product({ groupId: newId('grp') });
    const { deps, fakes } = setUp([bag, draft, elsewhere]);

    await expect(placeOrder(deps, buyer, 'a', body([{ productId: newId('prd'), quantity: 1 }]))).rejects.toMatchObject({
      kind: 'business-rule',
    });
    await expect(placeOrder(deps, buyer, 'b', body([{ productId: draft.id, quantity: 1 }]))).rejects.toMatchObject({
      kind: 'business-rule',
    });
    await expect(
      placeOrder(
        deps,
        buyer,
        'c',
        body([
          { productId: bag.id, quantity: 1 },
          { productId: elsewhere.id, quantity: 1 },
        ]),
      ),
    ).rejects.toMatchObject({ kind: 'business-rule' });
    await expect(placeOrder(deps, buyer, 'd', body([{ productId: bag.id, quantity: 6 }]))).rejects.toMatchObject({ kind: 'conflict' });

    expect(fakes.products.get(bag.id)?.stock).toBe(5);
    expect(fakes.orders.size).toBe(0);
    expect(fakes.events).toEqual([]);
  });

  it('refuses a line the stock read cannot cover (409) before any transaction: only buyers who may get stock write', async () => {
    const bag = product({ stock: 2 });
    const { deps, fakes } = setUp([bag]);
    const placements: Parameters<OrderStore['place']>[0][] = [];
    const orders: OrderStore = { ...fakes.store, place: (placement) => (placements.push(placement), fakes.store.place(placement)) };
    const place = (key: string, quantity: number) => placeOrder({ ...deps, orders }, buyer, key, body([{ productId: bag.id, quantity }]));

    await expect(place('a', 3)).rejects.toMatchObject({ kind: 'conflict', message: `Not enough stock of ${bag.id}: 2 left` });
    await place('b', 2);
    await expect(place('c', 1)).rejects.toMatchObject({ kind: 'conflict', message: `Not enough stock of ${bag.id}: 0 left` });

    expect(placements.map((placement) => placement.claim.key)).toEqual(['b']);
    expect(fakes.products.get(bag.id)?.stock).toBe(0);
  });

  it('answers a repeated key and body with the same order, placed once; another body under the key is a 422', async () => {
    const bag = product();
    const { deps, fakes } = setUp([bag]);
    const first = await placeOrder(deps, buyer, 'key-1', body([{ productId: bag.id, quantity: 1 }]));

    // The same request with the phone written another way is the same body once normalised.
    const again = await placeOrder(
      deps,
      buyer,
      'key-1',
      z.parse(PlaceOrderSchema, { shipping: { ...shipping, phone: '+62 812 3456 7890' }, items: [{ productId: bag.id, quantity: 1 }] }),
    );
    const other = placeOrder(deps, buyer, 'key-1', body([{ productId: bag.id, quantity: 2 }]));

    expect(again).toEqual(first);
    await expect(other).rejects.toMatchObject({ kind: 'business-rule' });
    expect(fakes.orders.size).toBe(1);
    expect(fakes.products.get(bag.id)?.stock).toBe(4);
  });

  it('replays a sold-out order by its key rather than refusing it, and scopes keys per buyer', async () => {
    const bag = product({ stock: 1 });
    const { deps, fakes } = setUp([bag]);
    const first = await placeOrder(deps, buyer, 'key-1', body([{ productId: bag.id, quantity: 1 }]));

    await expect(placeOrder(deps, buyer, 'key-1', body([{ productId: bag.id, quantity: 1 }]))).resolves.toEqual(first);
    await expect(
      placeOrder(deps, { sub: 'buyer-2', roles: ['buyer'] }, 'key-1', body([{ productId: bag.id, quantity: 1 }])),
    ).rejects.toMatchObject({ kind: 'conflict' });
    expect(fakes.orders.size).toBe(1);
  });

  it('refuses other roles (403) and a missing or overlong key (400)', async () => {
    const bag = product();
    const { deps } = setUp([bag]);
    const input = body([{ productId: bag.id, quantity: 1 }]);

    await expect(placeOrder(deps, { sub: 'f', roles: ['facilitator'], groupId }, 'k', input)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(placeOrder(deps, buyer, undefined, input)).rejects.toMatchObject({ kind: 'invalid-input' });
    await expect(placeOrder(deps, buyer, '', input)).rejects.toMatchObject({ kind: 'invalid-input' });
    await expect(placeOrder(deps, buyer, 'k'.repeat(256), input)).rejects.toMatchObject({ kind: 'invalid-input' });
  });
});

describe('what placing counts', () => {
  it('counts an order placed once, however often its key is replayed', async () => {
    const bag = product();
    const { deps, counted } = setUp([bag]);

    await placeOrder(deps, buyer, 'key-1', body([{ productId: bag.id, quantity: 1 }]));
    await placeOrder(deps, buyer, 'key-1', body([{ productId: bag.id, quantity: 1 }]));

    expect(counted).toEqual([MetricName.orderPlaced]);
  });

  it('counts a placement refused for the stock it read as sold out, and no other refusal', async () => {
    const bag = product({ stock: 1 });
    const draft = product({ status: 'draft' });
    const { deps, counted } = setUp([bag, draft]);

    await expect(placeOrder(deps, buyer, 'a', body([{ productId: bag.id, quantity: 2 }]))).rejects.toMatchObject({ kind: 'conflict' });
    await expect(placeOrder(deps, buyer, 'b', body([{ productId: draft.id, quantity: 1 }]))).rejects.toMatchObject({
      kind: 'business-rule',
    });
    await expect(
      placeOrder(deps, { sub: 'f', roles: ['facilitator'], groupId }, 'c', body([{ productId: bag.id, quantity: 1 }])),
    ).rejects.toMatchObject({ kind: 'forbidden' });

    expect(counted).toEqual([MetricName.soldOut]);
  });

  it('counts a shortage the write found, after a read that still showed stock, as sold out', async () => {
    const bag = product({ stock: 1 });
    const { deps, counted } = setUp([bag]);
    // Another buyer took the last one between this placement's read and its write.
    const staleCatalog = {
      products: async (ids: readonly string[]) => (await deps.catalog.products(ids)).map((read) => ({ ...read, stock: 5 })),
    };

    await expect(
      placeOrder({ ...deps, catalog: staleCatalog }, buyer, 'a', body([{ productId: bag.id, quantity: 2 }])),
    ).rejects.toMatchObject({
      kind: 'conflict',
      message: `Not enough stock of ${bag.id}: 1 left`,
    });
    expect(counted).toEqual([MetricName.soldOut]);
  });
});

describe('the order body', () => {
  it('refuses duplicate products, empty or over-long orders, bad quantities and postal codes', () => {
    const productId = newId('prd');
    const invalid = [
      { items: [], shipping },
      {
        items: [
          { productId, quantity: 1 },
          { productId, quantity: 2 },
        ],
        shipping,
      },
      { items: Array.from({ length: 21 }, () => ({ productId: newId('prd'), quantity: 1 })), shipping },
      { items: [{ productId, quantity: 0 }], shipping },
      { items: [{ productId, quantity: 101 }], shipping },
      { items: [{ productId, quantity: 1 }], shipping: { ...shipping, postalCode: '8312' } },
      { items: [{ productId, quantity: 1, priceIdr: 1 }], shipping },
    ];

    expect(invalid.map((value) => z.safeParse(PlaceOrderSchema, value).success)).toEqual(invalid.map(() => false));
  });
});

describe('reading orders', () => {
  it('shows an order to its buyer, its sellers, the group’s facilitators and admins; 404 to anyone else', async () => {
    const bag = product();
    const { deps } = setUp([bag]);
    const { id } = await placeOrder(deps, buyer, 'k', body([{ productId: bag.id, quantity: 1 }]));
    const allowed: Caller[] = [
      buyer,
      { sub: 's', roles: ['participant'], participantId: seller },
      { sub: 'f', roles: ['facilitator'], groupId },
      { sub: 'a', roles: ['admin'] },
    ];
    const refused: Caller[] = [
      { sub: 'buyer-2', roles: ['buyer'] },
      { sub: 'o', roles: ['participant'], participantId: otherSeller },
      { sub: 'g', roles: ['facilitator'], groupId: newId('grp') },
      { sub: 'p', roles: ['officer'] },
    ];

    for (const caller of allowed) await expect(getOrder(deps, caller, id)).resolves.toMatchObject({ id });
    for (const caller of refused) await expect(getOrder(deps, caller, id)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it("lists by the caller's role, and refuses an officer (403)", async () => {
    const bag = product();
    const { deps } = setUp([bag]);
    const { id } = await placeOrder(deps, buyer, 'k', body([{ productId: bag.id, quantity: 1 }]));
    const ids = async (caller: Caller, status?: 'placed' | 'paid') =>
      (await listOrders(deps, caller, { limit: 20, ...(status ? { status } : {}) })).items.map((order) => order.id);

    expect(await ids(buyer)).toEqual([id]);
    expect(await ids({ sub: 'buyer-2', roles: ['buyer'] })).toEqual([]);
    expect(await ids({ sub: 's', roles: ['participant'], participantId: seller })).toEqual([id]);
    expect(await ids({ sub: 'f', roles: ['facilitator'], groupId }, 'placed')).toEqual([id]);
    expect(await ids({ sub: 'a', roles: ['admin'] }, 'paid')).toEqual([]);
    await expect(listOrders(deps, { sub: 'p', roles: ['officer'] }, { limit: 20 })).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
