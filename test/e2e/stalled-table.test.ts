import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SpawnedRuntime, spawnLocalRuntime } from '#infra/local/spawn-runtime';
import { type ApiResponse } from '#infra/local/api-client';
import { busStatus } from '#test/support/api/bus';
import { call, eventually, useOwnRuntime } from '#test/support/api/client';
import { deadLetters } from '#test/support/api/dead-letters';
import { newGroupScenario } from '#test/support/api/scenario';
import { newBuyer, newProduct, shipping } from '#test/support/api/shop';

/**
 * DynamoDB Local stalled with SIGSTOP (its data kept) and resumed with SIGCONT, as a table that stops answering for a
 * few seconds (CONTRACT §1, overload and faults). This file runs its own local runtime, so the stall reaches no other
 * test file.
 */
let runtime: SpawnedRuntime;

beforeAll(async () => {
  runtime = await spawnLocalRuntime({ port: 0, seed: false, onStderr: () => undefined });
  useOwnRuntime(runtime.endpoints.apiUrl);
}, 120_000);

afterAll(() => runtime?.stop());

const stallMs = 8_000;

/** Runs `during` with the table stalled for stallMs from now, and always resumes it, whatever `during` does. */
async function withStalledTable<T>(during: () => Promise<T>): Promise<T> {
  const stalledUntil = Date.now() + stallMs;
  process.kill(runtime.endpoints.dynamoPid, 'SIGSTOP');
  try {
    const result = await during();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, stalledUntil - Date.now())));
    return result;
  } finally {
    process.kill(runtime.endpoints.dynamoPid, 'SIGCONT');
  }
}

/** A group with one listed product (plenty of stock) and a buyer. */
async function shop() {
  const scenario = await newGroupScenario({ sessionsRequired: 1 });
  const { participantToken } = await scenario.eligibleParticipant();
  const product = await newProduct(participantToken, { stock: 1_000 });
  return { ...scenario, productId: product.id, buyer: await newBuyer() };
}

type Shop = Awaited<ReturnType<typeof shop>>;

const placement = (store: Shop, key: string) =>
  call('POST', '/orders', {
    token: store.buyer.token,
    headers: { 'idempotency-key': key },
    body: { items: [{ productId: store.productId, quantity: 1 }], shipping },
  });

/** A request and how long its answer took. */
async function timed(request: Promise<ApiResponse>) {
  const started = Date.now();
  const response = await request;
  return { response, ms: Date.now() - started };
}

describe('a stalled table', () => {
  it('answers every request with a success or a 503 with Retry-After within 5 s, recovers, and keeps one order per key', async () => {
    // Prepare
    const store = await shop();
    const keys = Array.from({ length: 6 }, () => randomUUID());
    const wave = (waveKeys: string[]) =>
      Promise.all([
        ...waveKeys.map((key) => timed(placement(store, key))),
        timed(call('GET', `/products/${store.productId}`)),
        timed(call('GET', `/groups/${store.groupId}`)),
        timed(call('GET', `/products?groupId=${store.groupId}`)),
      ]);

    // Act: one wave as the table stalls, one in the middle of the stall.
    const answers = await withStalledTable(async () => {
      const first = wave(keys.slice(0, 3));
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      return [...(await first), ...(await wave(keys.slice(3)))];
    });
    const resumed = Date.now();
    await eventually(async () => expect((await call('GET', `/groups/${store.groupId}`)).status).toBe(200), { timeoutMs: 15_000 });
    const backAfterMs = Date.now() - resumed;
    const retried = await Promise.all(keys.map((key) => placement(store, key)));
    const again = await Promise.all(keys.map((key) => placement(store, key)));
    const listed = await call('GET', '/orders?limit=100', { token: store.buyer.token });

    // Assert
    for (const { response, ms } of answers) {
      expect(ms).toBeLessThan(5_000);
      if (response.status < 300) continue;
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      expect(response.body).toMatchObject({ status: 503, type: 'https://pas-kreatif.id/problems/unavailable' });
      expect(JSON.stringify(response.body)).not.toMatch(/Timeout|ECONN|DynamoDB|aws/i);
    }
    expect(answers.filter(({ response }) => response.status === 503).length).toBeGreaterThan(0);
    expect(backAfterMs).toBeLessThan(10_000);
    expect(retried.map(({ status }) => status).every((status) => status === 201)).toBe(true);
    expect(again.map(({ body }) => body.id)).toEqual(retried.map(({ body }) => body.id));
    expect(new Set(retried.map(({ body }) => body.id)).size).toBe(keys.length);
    expect(listed.body.items.map((order: { id: string }) => order.id).sort()).toEqual(retried.map(({ body }) => body.id).sort());
    expect((await call('GET', `/products/${store.productId}`)).body.stock).toBe(1_000 - keys.length);
  }, 60_000);

  it('delivers the events of orders placed just before it once the table answers again, each taking effect once', async () => {
    // Prepare: orders placed, so their outbox rows are written, right before the table stalls.
    const store = await shop();
    const placed = await Promise.all(Array.from({ length: 5 }, () => placement(store, randomUUID())));
    expect(placed.map(({ status }) => status)).toEqual([201, 201, 201, 201, 201]);

    // Act
    await withStalledTable(async () => undefined);

    // Assert: counted by the group report's projection (outbox → stream → relay → bus → consumer), exactly once.
    const report = async () => (await call('GET', `/reports/groups/${store.groupId}`, { token: store.admin })).body;
    await eventually(async () => expect((await report()).orders.placed).toBe(placed.length), { timeoutMs: 20_000 });
    await eventually(async () => {
      const status = await busStatus();
      expect([status.pending, status.stream.pending]).toEqual([0, 0]);
    });
    expect((await report()).orders.placed).toBe(placed.length);
    const dead = JSON.stringify(await deadLetters());
    for (const { body } of placed) expect(dead).not.toContain(body.id);
  }, 60_000);
});
