import type { HttpRoute } from '#shared/kernel/declaration';

/**
 * CONTRACT §1 lets a CDN keep a public answer at most a minute: long enough that a crowd on one page is served by the
 * edge, short enough that a product sold out or delisted stops showing within a minute.
 */
export const maxPublicMaxAgeSeconds = 60;

/**
 * A 404 is kept briefly: a crowd asking for a product that is not (or no longer) listed would otherwise reach Lambda
 * every time, and a product listed a moment ago should not stay hidden for a whole minute.
 */
export const notFoundMaxAgeSeconds = 10;

const doNotStore = { 'cache-control': 'no-store' } as const;

/** Why a route's cache declaration is refused, or undefined when it is sound (httpHandler and a test check every route). */
export function cacheDeclarationProblem(route: HttpRoute): string | undefined {
  if (!route.cache) return undefined;
  const { maxAgeSeconds } = route.cache;
  if (route.method !== 'GET') return `only GET answers can be cached, not ${route.method}`;
  if (route.auth === 'jwt') return 'a jwt route answers only signed-in callers, whose answers are never shared';
  if (!Number.isInteger(maxAgeSeconds) || maxAgeSeconds < 1 || maxAgeSeconds > maxPublicMaxAgeSeconds)
    return `maxAgeSeconds must be a whole number from 1 to ${maxPublicMaxAgeSeconds}, not ${maxAgeSeconds}`;
  return undefined;
}

/**
 * The caching headers of one answer. Shared (`public`) only when the route declares a max-age, the request carried no
 * Authorization header (so the answer is the one everybody gets) and the answer is a success or a 404; a signed-in
 * caller's answer, any other error (5xx and 429 above all: a cached outage outlives it) and every write are
 * `no-store`. A cacheable route's answer depends on whether Authorization was sent, which `Vary` says, whatever it is.
 */
export function cacheHeaders(route: HttpRoute, status: number, requestHeaders: Record<string, string | undefined>): Record<string, string> {
  if (!route.cache) return doNotStore;
  const varies = { vary: 'authorization' };
  if (requestHeaders.authorization !== undefined) return { ...doNotStore, ...varies };
  const maxAge = sharedMaxAge(route.cache.maxAgeSeconds, status);
  return maxAge === undefined ? { ...doNotStore, ...varies } : { 'cache-control': `public, max-age=${maxAge}`, ...varies };
}

function sharedMaxAge(declared: number, status: number): number | undefined {
  if (status >= 200 && status < 300) return declared;
  if (status === 404) return Math.min(declared, notFoundMaxAgeSeconds);
  return undefined;
}
