import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpRequest } from '@smithy/core/protocols';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeadlineHttpHandler } from '#shared/kernel/aws/deadline-http-handler';

let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((_request, response) => response.end('{}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

/** Our own code holding the event loop, as 200 invocations in one local-runtime process do. */
function stallEventLoop(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('the connection timeout', () => {
  it('is not taken by a stall of our own event loop while the server has accepted the connection', async () => {
    const handler = new DeadlineHttpHandler({ connectionTimeout: 50, requestTimeout: 5_000, maxSockets: 10 });
    const request = new HttpRequest({ protocol: 'http:', hostname: '127.0.0.1', port, method: 'GET', path: '/' });

    const sent = handler.handle(request);
    // After the handler's own awaits, once the request is out and its connection under way.
    setImmediate(() => stallEventLoop(300));
    const { response } = await sent;

    expect(response.statusCode).toBe(200);
    handler.destroy();
  });
});
