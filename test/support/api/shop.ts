import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { EventSource } from '#events/event-contract';
import { type BusEvent, busStatus } from './bus.ts';
import { call, eventually, tokenFor } from './client.ts';
import { newGroupScenario } from './scenario.ts';

export const shipping = {
  recipientName: 'Budi Santoso',
  phone: '0812-3456-7890',
  address: 'Jl. Pejanggik 10',
  city: 'Mataram',
  postalCode: '83121',
};

export const newBuyer = async () => {
  const sub = `buyer-${randomUUID()}`;
  return { sub, token: await tokenFor({ sub, roles: ['buyer'] }) };
};

/** The body of POST /products: a bag, stock 10, 85,000, unless overridden. */
export const productBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Tas anyaman bungkus kopi',
  description: 'Dari 120 bungkus kopi bekas',
  category: 'tas',
  priceIdr: 85_000,
  stock: 10,
  materials: [{ material: 'bungkus kopi', grams: 240 }],
  ...overrides,
});

/** Creates a product as its eligible seller and lists it unless told not to. */
export async function newProduct(sellerToken: string, overrides: Record<string, unknown> = {}, list = true) {
  const created = await call('POST', '/products', { token: sellerToken, body: productBody(overrides) });
  expect(created.status).toBe(201);
  if (list) expect((await call('POST', `/products/${created.body.id}/listing`, { token: sellerToken })).status).toBe(200);
  return created.body as { id: string; priceIdr: number };
}

/** A group with an eligible seller, a listed product of theirs (stock 10, 85,000 each) and a buyer. */
export async function newShop() {
  const scenario = await newGroupScenario({ sessionsRequired: 1 });
  const { participant, participantToken } = await scenario.eligibleParticipant();
  const productId = (await newProduct(participantToken)).id;
  const buyer = await newBuyer();

  /** Places an order of the product as the buyer: 201 expected. */
  const placeOrder = async (quantity = 2) => {
    const placed = await call('POST', '/orders', {
      token: buyer.token,
      headers: { 'idempotency-key': randomUUID() },
      body: { items: [{ productId, quantity }], shipping },
    });
    expect(placed.status).toBe(201);
    return placed.body as { id: string; totalIdr: number; status: string };
  };
  const stock = async () => (await call('GET', `/products/${productId}`)).body.stock as number;

  return { ...scenario, participant, participantToken, productId, buyer, placeOrder, stock };
}

/**
 * The order context's own events about one order, oldest first (events without data are skipped). Other contexts'
 * events naming the order (EarningsCredited after delivery) are left out: they come whenever their consumer runs.
 */
export async function orderEvents(orderId: string): Promise<BusEvent[]> {
  const { recent } = await busStatus();
  return recent.filter((event) => event.source === EventSource.orders && event.detail?.data?.orderId === orderId);
}

/**
 * The order's events once its OrderPlaced has reached the bus: the relay publishes asynchronously, so a test that a
 * step announced nothing must first see what came before it, or an empty list would pass for the wrong reason.
 */
export function orderEventsAfterPlacement(orderId: string): Promise<BusEvent[]> {
  return eventually(async () => {
    const events = await orderEvents(orderId);
    expect(events.map((event) => event.detailType)).toContain('OrderPlaced');
    return events;
  });
}
