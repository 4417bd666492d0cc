import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { httpRoutes } from '#functions/declarations';
import type { HttpRoute } from '#shared/kernel/declaration';
import { DependencyUnavailableError, NotFoundError } from '#shared/kernel/errors';
import { cacheDeclarationProblem, cacheHeaders } from '#shared/kernel/http/cache-control';
import { httpHandler } from '#shared/kernel/http/http-handler';
import { lambdaContext } from '#test/support/fakes/lambda-context';

const publicRoute = {
  method: 'GET',
  path: '/things',
  auth: 'public',
  summary: 'test',
  response: { status: 200 },
  cache: { maxAgeSeconds: 30 },
} satisfies HttpRoute;

const anonymous = {};
const signedIn = { authorization: 'Bearer abc' };

describe('cacheHeaders', () => {
  it('shares the anonymous success of a route that declares a max-age, for exactly that long, varying on Authorization', () => {
    expect(cacheHeaders(publicRoute, 200, anonymous)).toEqual({ 'cache-control': 'public, max-age=30', vary: 'authorization' });
  });

  it('never shares an answer to a request that carried a token, even an empty header', () => {
    expect(cacheHeaders(publicRoute, 200, signedIn)).toEqual({ 'cache-control': 'no-store', vary: 'authorization' });
    expect(cacheHeaders(publicRoute, 200, { authorization: '' })).toEqual({ 'cache-control': 'no-store', vary: 'authorization' });
  });

  it('keeps an anonymous 404 for at most 10 s, and a shorter declared max-age wins', () => {
    expect(cacheHeaders(publicRoute, 404, anonymous)['cache-control']).toBe('public, max-age=10');
    expect(cacheHeaders({ ...publicRoute, cache: { maxAgeSeconds: 5 } }, 404, anonymous)['cache-control']).toBe('public, max-age=5');
  });

  it.each([400, 401, 403, 409, 422, 429, 500, 503])('never shares a %i', (status) => {
    expect(cacheHeaders(publicRoute, status, anonymous)['cache-control']).toBe('no-store');
  });

  it('a route without a cache declaration (every jwt route, every write) answers no-store with no Vary', () => {
    const { cache: _, ...uncached } = publicRoute;

    expect(cacheHeaders({ ...uncached, method: 'POST' }, 201, anonymous)).toEqual({ 'cache-control': 'no-store' });
    expect(cacheHeaders({ ...uncached, auth: 'jwt' }, 200, signedIn)).toEqual({ 'cache-control': 'no-store' });
  });
});

describe('cacheDeclarationProblem', () => {
  it.each([0, 61, 1.5, -1])('refuses maxAgeSeconds %s (1–60 whole seconds only)', (maxAgeSeconds) => {
    expect(cacheDeclarationProblem({ ...publicRoute, cache: { maxAgeSeconds } })).toMatch(/whole number from 1 to 60/);
  });

  it('refuses a cache on a write or on a jwt route, and accepts 1 and 60 on a public or optional GET', () => {
    expect(cacheDeclarationProblem({ ...publicRoute, method: 'POST' })).toMatch(/only GET/);
    expect(cacheDeclarationProblem({ ...publicRoute, auth: 'jwt' })).toMatch(/jwt route/);
    expect(cacheDeclarationProblem({ ...publicRoute, cache: { maxAgeSeconds: 1 } })).toBeUndefined();
    expect(cacheDeclarationProblem({ ...publicRoute, auth: 'optional', cache: { maxAgeSeconds: 60 } })).toBeUndefined();
  });

  it('httpHandler refuses to build a handler whose declaration is unsound', () => {
    expect(() => httpHandler({ ...publicRoute, cache: { maxAgeSeconds: 300 } }, async () => ({}))).toThrow(/maxAgeSeconds/);
  });
});

describe('the declared routes', () => {
  it('every public or optional-auth GET names a sound max-age, so none is left no-store by mistake', () => {
    const readable = httpRoutes().filter((route) => route.method === 'GET' && route.auth !== 'jwt');

    expect(readable.filter((route) => route.cache === undefined).map((route) => route.path)).toEqual([]);
    expect(readable.map((route) => [route.path, cacheDeclarationProblem(route)]).filter(([, problem]) => problem)).toEqual([]);
  });

  it('no other route declares one', () => {
    const others = httpRoutes().filter((route) => route.method !== 'GET' || route.auth === 'jwt');

    expect(others.filter((route) => route.cache !== undefined).map((route) => `${route.method} ${route.path}`)).toEqual([]);
  });
});

describe('httpHandler answers with the caching headers', () => {
  const context = lambdaContext();
  const event = (headers: Record<string, string>): APIGatewayProxyEventV2 =>
    ({
      version: '2.0',
      routeKey: 'GET /things',
      rawPath: '/things',
      rawQueryString: '',
      headers,
      isBase64Encoded: false,
      requestContext: {},
    }) as unknown as APIGatewayProxyEventV2;
  const invoke = async (run: () => Promise<unknown>, headers: Record<string, string> = {}) =>
    (await httpHandler(publicRoute, run)(event(headers), context)) as APIGatewayProxyStructuredResultV2;

  it('public on an anonymous success, with the security headers still on', async () => {
    const result = await invoke(async () => ({ items: [] }));

    expect(result.headers).toMatchObject({
      'cache-control': 'public, max-age=30',
      vary: 'authorization',
      'x-content-type-options': 'nosniff',
    });
  });

  it('briefly public on a 404 problem, no-store on a 503 problem', async () => {
    const notFound = await invoke(async () => {
      throw new NotFoundError('Thing');
    });
    const unavailable = await invoke(async () => {
      throw new DependencyUnavailableError('busy');
    });

    expect([notFound.statusCode, notFound.headers?.['cache-control']]).toEqual([404, 'public, max-age=10']);
    expect([unavailable.statusCode, unavailable.headers?.['cache-control']]).toEqual([503, 'no-store']);
    expect(unavailable.headers?.['retry-after']).toBe('1');
  });
});
