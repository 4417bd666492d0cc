import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SpawnedRuntime, spawnLocalRuntime } from '#infra/local/spawn-runtime';
import { call, useOwnRuntime } from '#test/support/api/client';
import { midtransNotification, notifyMidtrans } from '#test/support/api/midtrans';
import { newShop, orderEventsAfterPlacement } from '#test/support/api/shop';

/**
 * Midtrans' Get Status API in trouble (CONTRACT §1 overload and faults, §3 Orders): this file's own local runtime asks
 * a real HTTP server of this test instead of the stand-in, which stalls, fails, and at last is not there at all.
 */
let runtime: SpawnedRuntime;
let midtrans: { mode: 'stall' | 'fail'; close(): Promise<void> };

beforeAll(async () => {
  const stalled: ServerResponse[] = [];
  const server = createServer((_request: IncomingMessage, response: ServerResponse) => {
    if (state.mode === 'stall') return void stalled.push(response);
    response.writeHead(500, { 'content-type': 'application/json' }).end('{"status_code":"500","status_message":"Sorry."}');
  });
  const state: typeof midtrans = {
    mode: 'stall',
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  midtrans = state;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  runtime = await spawnLocalRuntime({ port: 0, seed: false, env: { MIDTRANS_API_URL: apiUrl }, onStderr: () => undefined });
  useOwnRuntime(runtime.endpoints.apiUrl);
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
  await midtrans?.close();
});

describe('a signed notification while Midtrans cannot confirm it', () => {
  it('answers 503 with Retry-After, before the function times out, and changes nothing, however Midtrans fails', async () => {
    // Prepare
    const shop = await newShop();
    const order = await shop.placeOrder();
    const settled = midtransNotification(order.id, '170000.00');

    // Act
    midtrans.mode = 'stall';
    const started = Date.now();
    const stalling = await notifyMidtrans(settled);
    const stalledMs = Date.now() - started;
    midtrans.mode = 'fail';
    const failing = await notifyMidtrans(settled);
    await midtrans.close();
    const gone = await notifyMidtrans(settled);

    // Assert
    for (const answer of [stalling, failing, gone]) {
      expect(answer.status).toBe(503);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // The call's own timeout (3 s), well inside the function's 10 s.
    expect(stalledMs).toBeLessThan(6_000);
    expect((await call('GET', `/orders/${order.id}`, { token: shop.buyer.token })).body.status).toBe('placed');
    expect((await orderEventsAfterPlacement(order.id)).map((event) => event.detailType)).toEqual(['OrderPlaced']);
  }, 30_000);
});
