import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { HttpRoute } from '#shared/kernel/declaration';
import type { TokenVerifier } from '#shared/kernel/auth/token-verifier';
import { earlyTimeout, withinDeadline } from '#shared/kernel/deadline';
import { logger } from '#shared/kernel/observability/logger';
import { countAnswer, emfCounter } from '#shared/kernel/observability/metrics';
import { cacheDeclarationProblem, cacheHeaders } from './cache-control.ts';
import { parseRequest, type RouteInput } from './parse-request.ts';
import { problemFor, problemHeaders } from './problem.ts';
import { securityHeaders } from './security-headers.ts';

type Result = APIGatewayProxyStructuredResultV2;

/** A body that is not JSON, such as a CSV report. */
export class RawBody {
  constructor(
    readonly contentType: string,
    readonly body: string,
  ) {}
}

/**
 * An optional-auth route has no authorizer in front of it, so its handler is given the token verifier
 * (`buildTokenVerifier()`); the other routes take none, and their bundles stay without it.
 */
type AuthDependencies<R extends HttpRoute> = R['auth'] extends 'optional' ? [tokens: TokenVerifier] : [];

/**
 * Wraps a use-case call as an API Gateway (payload 2.0) handler: request parsing and
 * validation from the route declaration, typed errors to problem+json, security headers
 * and structured logs. Handlers stay a few lines of mapping.
 */
export function httpHandler<R extends HttpRoute>(
  route: R,
  run: (input: RouteInput<R>) => Promise<unknown>,
  ...[tokens]: AuthDependencies<R>
) {
  if (route.auth === 'optional' && !tokens)
    throw new Error(`${route.method} ${route.path} is an optional-auth route: pass httpHandler a token verifier`);
  const cacheProblem = cacheDeclarationProblem(route);
  if (cacheProblem) throw new Error(`${route.method} ${route.path} declares a cache it cannot have: ${cacheProblem}`);
  return middy<APIGatewayProxyEventV2, Result>(earlyTimeout)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use({ after: withCacheHeaders(route), onError: withCacheHeaders(route) })
    .use({ after: countAnswered, onError: countAnswered })
    .use({ onError: (request) => void (request.response = problemResponse(request.error)) })
    .handler(
      withinDeadline<APIGatewayProxyEventV2, Result>(async (event) => respond(route, await run(await parseRequest(route, event, tokens)))),
    );
}

/**
 * Used before the problem mapping, so it runs after it and counts the status finally answered, however it came about.
 * Without an answer the invocation fails, and Lambda's own Errors metric counts it. It returns nothing: middy ends a
 * request with any value a middleware returns.
 */
function countAnswered({ response }: { response: Result | undefined }): void {
  if (response?.statusCode !== undefined) countAnswer(emfCounter, response.statusCode);
}

/**
 * Used before the problem mapping, like countAnswered, so it sees the final answer, whether a success, a problem or
 * middy's early timeout, and decides its caching from the status and the request alone.
 */
function withCacheHeaders(route: HttpRoute) {
  return ({ event, response }: { event: APIGatewayProxyEventV2; response: Result | undefined }): void => {
    if (response?.statusCode === undefined) return;
    response.headers = { ...response.headers, ...cacheHeaders(route, response.statusCode, event.headers ?? {}) };
  };
}

function respond(route: HttpRoute, result: unknown): Result {
  const { status } = route.response;
  const headers = route.contentSecurityPolicy
    ? { ...securityHeaders, 'content-security-policy': route.contentSecurityPolicy }
    : securityHeaders;
  if (result instanceof RawBody) {
    return { statusCode: status, headers: { ...headers, 'content-type': result.contentType }, body: result.body };
  }
  return {
    statusCode: status,
    headers: { ...headers, 'content-type': 'application/json' },
    body: result === undefined ? '' : JSON.stringify(result),
  };
}

function problemResponse(error: unknown): Result {
  const problem = problemFor(error);
  if (problem.status >= 500) logger.error('Request failed', { error });
  else logger.info('Request refused', { status: problem.status, detail: problem.detail });
  return {
    statusCode: problem.status,
    headers: {
      ...securityHeaders,
      'content-type': 'application/problem+json',
      // RFC 6750: a refused bearer token is answered with the scheme and why.
      ...(problem.status === 401 ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {}),
      ...problemHeaders(error),
    },
    body: JSON.stringify(problem),
  };
}
