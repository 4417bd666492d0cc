import type { HttpRoute } from '#shared/kernel/declaration';

/** The error statuses a route can answer (never 500, which is a fault, not an answer). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/**
 * What httpHandler and the edge answer by the route's shape alone: 400 for input it validates (a query, headers, or
 * any body a non-GET carries), 401 for a token it checks, 404 for a path parameter that names nothing, 413 and 415 for
 * a body that is too large or not JSON; 429 (the stage throttle) and 503 (a stalled dependency, or the deadline) on
 * every route. The declaration adds its use-case's refusals.
 */
export function errorStatusesOf(route: HttpRoute): ErrorStatus[] {
  const takesBody = route.method !== 'GET';
  const implied: (ErrorStatus | false)[] = [
    (takesBody || route.query !== undefined || route.headers !== undefined) && 400,
    route.auth !== 'public' && 401,
    route.params !== undefined && 404,
    takesBody && 413,
    takesBody && 415,
    429,
    503,
  ];
  const statuses = new Set<ErrorStatus>([...implied.filter((status) => status !== false), ...(route.refusals ?? [])]);
  return [...statuses].sort((a, b) => a - b);
}
