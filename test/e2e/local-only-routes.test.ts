import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { apiUrl } from '#test/support/api/client';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, because fetch sets Host itself and a test must send a foreign one. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<RawAnswer> {
  const url = new URL(path, apiUrl());
  return new Promise((resolve, reject) => {
    const sent = request({ host: url.hostname, port: url.port, path: url.pathname, method, headers, setHost: false }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

const port = () => new URL(apiUrl()).port;
const tokenRequest = JSON.stringify({ sub: 'someone', roles: ['admin'] });
const json = { 'content-type': 'application/json' };
const corsHeaders = (answer: RawAnswer) => Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'));

describe('/_local/* is for this machine only (CONTRACT §5)', () => {
  it('mints a token for 127.0.0.1 and localhost on its own port, with no CORS headers', async () => {
    const byAddress = await raw('POST', '/_local/token', { host: `127.0.0.1:${port()}`, ...json }, tokenRequest);
    const byName = await raw(
      'POST',
      '/_local/token',
      { host: `localhost:${port()}`, origin: `http://localhost:${port()}`, ...json },
      tokenRequest,
    );

    expect([byAddress.status, byName.status]).toEqual([200, 200]);
    expect(JSON.parse(byAddress.body).token).toEqual(expect.any(String));
    expect([...corsHeaders(byAddress), ...corsHeaders(byName)]).toEqual([]);
  });

  it.each([['evil.example:3000'], ['evil.example'], ['127.0.0.1:1']])('refuses the Host %s (DNS rebinding) with 403', async (host) => {
    const answer = await raw('POST', '/_local/token', { host, ...json }, tokenRequest);

    expect(answer.status).toBe(403);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.body).not.toContain('token"');
  });

  it('refuses a page of another origin with 403 and no CORS headers, preflight included', async () => {
    const host = `127.0.0.1:${port()}`;
    const origin = 'https://evil.example';

    const minted = await raw('POST', '/_local/token', { host, origin, ...json }, tokenRequest);
    const preflight = await raw('OPTIONS', '/_local/token', {
      host,
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    });
    const services = await raw('GET', '/_local/services', { host, origin });

    expect([minted.status, preflight.status, services.status]).toEqual([403, 403, 403]);
    expect([...corsHeaders(minted), ...corsHeaders(preflight), ...corsHeaders(services)]).toEqual([]);
  });

  it("guards the Midtrans stand-in as it does the token: a page cannot set a transaction or read one's status", async () => {
    const transaction = JSON.stringify({
      order_id: 'ord_01JBENCH0000000000000000AA',
      transaction_status: 'settlement',
      gross_amount: '1.00',
    });
    const status = '/_local/midtrans/v2/ord_01JBENCH0000000000000000AA/status';

    const answers = await Promise.all([
      raw('POST', '/_local/midtrans/transactions', { host: `127.0.0.1:${port()}`, origin: 'https://evil.example', ...json }, transaction),
      raw('POST', '/_local/midtrans/transactions', { host: 'evil.example', ...json }, transaction),
      raw('GET', status, { host: `127.0.0.1:${port()}`, origin: 'https://evil.example' }),
      raw('GET', status, { host: 'evil.example' }),
    ]);

    expect(answers.map((answer) => answer.status)).toEqual([403, 403, 403, 403]);
    expect(answers.flatMap(corsHeaders)).toEqual([]);
    // From this machine the request reaches the stand-in, which asks for the server key as Midtrans does.
    expect((await raw('GET', status, { host: `127.0.0.1:${port()}` })).status).toBe(401);
  });

  it('leaves the API its CORS rules', async () => {
    const answer = await raw('OPTIONS', '/groups', {
      host: `127.0.0.1:${port()}`,
      origin: 'https://evil.example',
      'access-control-request-method': 'GET',
    });

    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toEqual(expect.any(String));
  });
});
