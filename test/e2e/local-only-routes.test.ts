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
