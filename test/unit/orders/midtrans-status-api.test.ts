import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { withinDeadline } from '#shared/kernel/deadline';
import { DependencyUnavailableError } from '#shared/kernel/errors';
import { buildMidtransStatusApi } from '#shared/orders/midtrans-status-api';
import { lambdaContext } from '#test/support/fakes/lambda-context';

const serverKey = 'SB-Mid-server-test';
const servers: { close(): Promise<unknown> }[] = [];

/** A real HTTP server standing in for Midtrans: records what it was asked, answers as the test says. */
async function fakeMidtrans(answer: (request: IncomingMessage, response: ServerResponse) => void) {
  const asked: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    asked.push(request);
    answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
  servers.push({ close });
  return { asked, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close };
}

const json = (status: number, body: unknown) => (_request: IncomingMessage, response: ServerResponse) =>
  void response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

const statusApi = (apiUrl: string, timeoutMs?: number) =>
  buildMidtransStatusApi({ apiUrl, serverKey: { serverKey: async () => serverKey }, ...(timeoutMs ? { timeoutMs } : {}) });

const settled = {
  status_code: '200',
  status_message: 'Success, transaction is found',
  transaction_id: 'f3e6a1d2-7c1b-4d2a-9b8e-1a2b3c4d5e6f',
  order_id: 'ord_1',
  gross_amount: '150000.00',
  currency: 'IDR',
  payment_type: 'bank_transfer',
  transaction_time: '2026-11-28 12:36:47',
  transaction_status: 'settlement',
  fraud_status: 'accept',
};

describe('the Midtrans Get Status API', () => {
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  it('is asked GET /v2/{order_id}/status with Basic server key and colon, for JSON, and its answer is the status', async () => {
    // Prepare
    const midtrans = await fakeMidtrans(json(200, settled));

    // Act
    const status = await statusApi(`${midtrans.url}/base`).statusOf('ord_1');

    // Assert
    expect(midtrans.asked.map((request) => [request.method, request.url])).toEqual([['GET', '/base/v2/ord_1/status']]);
    expect(midtrans.asked[0]?.headers.authorization).toBe(`Basic ${Buffer.from(`${serverKey}:`).toString('base64')}`);
    expect(midtrans.asked[0]?.headers.accept).toBe('application/json');
    expect(status).toEqual({
      kind: 'transaction',
      orderId: 'ord_1',
      transactionStatus: 'settlement',
      fraudStatus: 'accept',
      grossAmount: '150000.00',
      transactionId: settled.transaction_id,
    });
  });

  it('says unknown for Midtrans’ “Transaction doesn’t exist.”', async () => {
    const midtrans = await fakeMidtrans(json(200, { status_code: '404', status_message: "Transaction doesn't exist." }));

    await expect(statusApi(midtrans.url).statusOf('ord_1')).resolves.toEqual({ kind: 'unknown' });
  });

  it.each([
    ['a 401 for a wrong key', json(401, { status_code: '401', status_message: 'Unknown Merchant server_key/id' })],
    ['a 500', json(500, { status_code: '500', status_message: 'Sorry. Our system is recovering from unexpected issues.' })],
    ['a 503 without a body', (_request: IncomingMessage, response: ServerResponse) => void response.writeHead(503).end()],
    [
      'a 404 page that is not Midtrans’',
      (_request: IncomingMessage, response: ServerResponse) => void response.writeHead(404).end('Not Found'),
    ],
    ['a body that is not JSON', (_request: IncomingMessage, response: ServerResponse) => void response.writeHead(200).end('<html>')],
    ['JSON without a transaction', json(200, { status_code: '200' })],
    ['another status code in the body', json(200, { status_code: '505', status_message: 'Unable to create va_number' })],
  ])('cannot decide on %s: Midtrans is unavailable (503, retried)', async (_case, answer) => {
    const midtrans = await fakeMidtrans(answer);

    const lookup = statusApi(midtrans.url).statusOf('ord_1');

    await expect(lookup).rejects.toBeInstanceOf(DependencyUnavailableError);
  });

  it('is unavailable when nothing listens', async () => {
    const midtrans = await fakeMidtrans(json(200, settled));
    await midtrans.close();

    await expect(statusApi(midtrans.url).statusOf('ord_1')).rejects.toBeInstanceOf(DependencyUnavailableError);
  });

  it('gives up on a Midtrans that stalls after its own short timeout', async () => {
    const midtrans = await fakeMidtrans(() => undefined);
    const started = Date.now();

    await expect(statusApi(midtrans.url, 200).statusOf('ord_1')).rejects.toBeInstanceOf(DependencyUnavailableError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('gives up when the invocation’s deadline comes before its own timeout', async () => {
    const midtrans = await fakeMidtrans(() => undefined);
    const started = Date.now();
    // 700 ms left less the 500 ms kept for answering: the call has about 200 ms, far less than its own 3 s.
    const invocation = withinDeadline(() => statusApi(midtrans.url).statusOf('ord_1'));

    await expect(invocation({}, { ...lambdaContext(), getRemainingTimeInMillis: () => 700 })).rejects.toBeInstanceOf(
      DependencyUnavailableError,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
