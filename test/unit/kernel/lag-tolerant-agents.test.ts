import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { HttpRequest } from '@smithy/core/protocols';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeadlineHttpHandler } from '#shared/kernel/aws/deadline-http-handler';

/**
 * A server in a process of its own, as DynamoDB Local is, so that our stall holds up only our reading of its answer:
 * `/slow` answers after 20 ms, well inside a 50 ms request timeout.
 */
const serverSource = `
  const server = require('node:http').createServer((request, response) => {
    if (request.url === '/slow') setTimeout(() => response.end('{}'), 20);
    else response.end('{}');
  });
  server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;

let server: ChildProcess;
let port: number;

beforeAll(async () => {
  server = spawn(process.execPath, ['-e', serverSource], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [firstLine] = (await once(server.stdout!, 'data')) as [Buffer];
  port = Number(firstLine.toString().trim());
});

afterAll(() => void server.kill());

/** Our own code holding the event loop, as 200 invocations in one local-runtime process do. */
function stallEventLoop(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

const get = (path: string) => new HttpRequest({ protocol: 'http:', hostname: '127.0.0.1', port, method: 'GET', path });

describe('a stall of our own event loop', () => {
  it('is not taken for a connection timeout while the server has accepted the connection', async () => {
    const handler = new DeadlineHttpHandler({ connectionTimeout: 50, requestTimeout: 5_000, maxSockets: 10 });

    const sent = handler.handle(get('/'));
    // After the handler's own awaits, once the request is out and its connection under way.
    setImmediate(() => stallEventLoop(300));
    const { response } = await sent;

    expect(response.statusCode).toBe(200);
    handler.destroy();
  });

  it('is not taken for a request timeout while the server’s answer is waiting to be read', async () => {
    const handler = new DeadlineHttpHandler({ connectionTimeout: 5_000, requestTimeout: 50, maxSockets: 10 });

    const sent = handler.handle(get('/slow'));
    setImmediate(() => stallEventLoop(300));
    const { response } = await sent;

    expect(response.statusCode).toBe(200);
    handler.destroy();
  });
});
