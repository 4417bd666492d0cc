import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DependencyUnavailableError } from '#shared/kernel/errors';
import { serverKeyFromConfiguration } from '#shared/orders/server-key';

/** A stand-in for the Parameters and Secrets extension on localhost: records what it was asked, answers as told. */
async function fakeExtension(status: number, body: unknown) {
  const asked: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    asked.push(request);
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  vi.stubEnv('PARAMETERS_SECRETS_EXTENSION_HTTP_PORT', String((server.address() as AddressInfo).port));
  return { asked, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('the Midtrans server key', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is the local key itself when the runtime hands it in the environment', async () => {
    vi.stubEnv('MIDTRANS_SERVER_KEY', 'local-server-key');

    await expect(serverKeyFromConfiguration().serverKey()).resolves.toBe('local-server-key');
  });

  it('is read deployed through the extension: the parameter decrypted, with the session token as its SSRF token', async () => {
    // Prepare
    vi.stubEnv('MIDTRANS_SERVER_KEY', '');
    vi.stubEnv('MIDTRANS_SERVER_KEY_PARAMETER', '/pas-kreatif/dev/midtrans-server-key');
    vi.stubEnv('AWS_SESSION_TOKEN', 'session-token');
    const extension = await fakeExtension(200, { Parameter: { Name: '/pas-kreatif/dev/midtrans-server-key', Value: 'SB-Mid-server-1' } });

    // Act
    const key = await serverKeyFromConfiguration().serverKey();
    await extension.close();

    // Assert
    expect(key).toBe('SB-Mid-server-1');
    expect(extension.asked.map((request) => [request.url, request.headers['x-aws-parameters-secrets-token']])).toEqual([
      ['/systemsmanager/parameters/get?name=%2Fpas-kreatif%2Fdev%2Fmidtrans-server-key&withDecryption=true', 'session-token'],
    ]);
  });

  it('fails, rather than signing with nothing, when the extension refuses or the parameter is empty', async () => {
    vi.stubEnv('MIDTRANS_SERVER_KEY', '');
    vi.stubEnv('MIDTRANS_SERVER_KEY_PARAMETER', '/pas-kreatif/dev/midtrans-server-key');
    const refusing = await fakeExtension(400, { message: 'not authorized' });
    await expect(serverKeyFromConfiguration().serverKey()).rejects.toThrow(/answered 400/);
    await refusing.close();

    const empty = await fakeExtension(200, { Parameter: { Value: '' } });
    await expect(serverKeyFromConfiguration().serverKey()).rejects.toThrow(/holds no Midtrans server key/);
    await empty.close();
  });

  it('is a dependency in trouble (503, retried by Midtrans) when SSM behind the extension fails or nothing listens', async () => {
    vi.stubEnv('MIDTRANS_SERVER_KEY', '');
    vi.stubEnv('MIDTRANS_SERVER_KEY_PARAMETER', '/pas-kreatif/dev/midtrans-server-key');
    const failing = await fakeExtension(500, { message: 'internal' });
    await expect(serverKeyFromConfiguration().serverKey()).rejects.toBeInstanceOf(DependencyUnavailableError);
    await failing.close();

    // The closed server's port: nothing answers there now.
    await expect(serverKeyFromConfiguration().serverKey()).rejects.toBeInstanceOf(DependencyUnavailableError);
  });
});
