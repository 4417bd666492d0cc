import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { corsRules } from '#infra/cors';
import type { StageThrottle } from '#infra/stage-throttle';
import type { HttpFunctionDeclaration } from '#shared/kernel/declaration';
import { NotFoundError } from '#shared/kernel/errors';
import { problemFor } from '#shared/kernel/http/problem';
import type { LambdaInvoker } from '#infra/local/lambda/invoker';
import { errorText, oneLine } from '#infra/local/log-text';
import { closeServer, listen, PayloadTooLargeError, readBody } from '#infra/local/net';
import { createLocalAuthorizer, type LocalAuthorizer } from './jwt-authorizer.ts';
import { localOnlyRefusal } from './local-only-guard.ts';
import { handleLocalRoute, type LocalInspection } from './local-routes.ts';
import { createMidtransStandIn } from './midtrans-stand-in.ts';
import { buildApiGatewayEvent, newRequestId, writeLambdaResult } from './payload.ts';
import { localProblem, sendProblem } from './problem-response.ts';
import { compileRoutes, matchRoute } from './routes.ts';
import { createRouteThrottle, sendThrottled } from './throttle.ts';

export interface ApiServerOptions {
  port: number;
  stage: string;
  /** the functions with an http trigger */
  declarations: readonly HttpFunctionDeclaration[];
  invoker: LambdaInvoker;
  /** the stage's throttle per route; absent, nothing is throttled (LOCAL_THROTTLE=off, for benchmarks) */
  throttle?: StageThrottle;
  /** what GET /_local/bus, /_local/dead-letters and /_local/services show */
  inspect: LocalInspection;
  /** the server key the Midtrans stand-in (/_local/midtrans) accepts */
  midtransServerKey: string;
  warn: (line: string) => void;
}

export interface ApiServer {
  url: string;
  port: number;
  authorizer: LocalAuthorizer;
  /** until called, declared routes answer 503 (the table or the handlers are not there yet) */
  markReady(): void;
  stop(): Promise<void>;
}

/** API Gateway answers preflights itself and adds the allowed origin to every response of a cross-origin request. */
const cors = {
  'access-control-allow-origin': corsRules.allowOrigins.join(','),
  'access-control-allow-methods': corsRules.allowMethods.join(','),
  'access-control-allow-headers': corsRules.allowHeaders.join(','),
  'access-control-max-age': String(corsRules.maxAgeSeconds),
};

/** API Gateway's payload limit. */
const maxBodyBytes = 10 * 1024 * 1024;
const audience = 'pas-kreatif-local';

/**
 * The HTTP API, locally: routes from the http declarations, JWT authorizer on jwt routes, payload
 * format 2.0 events to the same handlers the stack deploys, plus the local-only /_local/* routes.
 */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const routes = compileRoutes(options.declarations);
  const throttle = options.throttle && createRouteThrottle(options.throttle);
  // Filled in once listening: the token issuer names the bound port.
  const state: { ready: boolean; port?: number; authorizer?: LocalAuthorizer } = { ready: false };
  const midtrans = createMidtransStandIn({ serverKey: options.midtransServerKey });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    const method = request.method ?? 'GET';
    const rawPath = (request.url ?? '/').split('?')[0] as string;
    try {
      // Before CORS: the local-only routes answer no other origin, and never with CORS headers.
      if (rawPath.startsWith('/_local/')) {
        const refusal = localOnlyRefusal(request.headers, state.port ?? 0);
        if (refusal) return sendProblem(response, localProblem(403, 'Forbidden', refusal), requestId);
        return await handleLocalRoute(request, response, { inspect: options.inspect, authorizer: state.authorizer, midtrans });
      }
      if (request.headers.origin) {
        if (method === 'OPTIONS' && request.headers['access-control-request-method']) {
          response.writeHead(204, { ...cors, 'apigw-requestid': requestId });
          return void response.end();
        }
        response.setHeader('access-control-allow-origin', cors['access-control-allow-origin']);
      }
      const { match } = matchRoute(routes, method, rawPath);
      // API Gateway HTTP APIs answer an unknown route and a known path with another method alike: 404.
      if (!match)
        return sendProblem(
          response,
          { ...problemFor(new NotFoundError('Route')), detail: `No route matches ${method} ${rawPath}` },
          requestId,
        );
      // The route's bucket is taken before the authorizer or the function runs: a refusal then costs nothing else
      // (API Gateway's documentation does not say in which order it checks the two). /_local/* (above) is not an API
      // route and is never throttled: tests and tools mint tokens for a whole crowd at once.
      if (throttle && !throttle.admit(match.route.routeKey)) return sendThrottled(response, requestId);
      const { authorizer } = state;
      if (!state.ready || !authorizer)
        return sendProblem(
          response,
          localProblem(503, 'Starting', 'The local runtime is still starting; try again in a moment'),
          requestId,
        );
      const body = await readBody(request, maxBodyBytes);
      const { declaration } = match.route;
      // Only jwt routes have an authorizer. A public or optional-auth route gets the Authorization header as
      // sent and no requestContext.authorizer, as from API Gateway; an optional-auth function verifies it itself.
      let claims: Record<string, string> | undefined;
      if (declaration.trigger.route.auth === 'jwt') {
        try {
          claims = await authorizer.authorize(request.headers.authorization);
        } catch (error) {
          const invalid = request.headers.authorization ? ' error="invalid_token"' : '';
          return sendProblem(response, problemFor(error), requestId, { 'www-authenticate': `Bearer${invalid}` });
        }
      }
      const event = buildApiGatewayEvent({ request, body, match, ...(claims ? { claims } : {}), stage: '$default', requestId });
      let result: unknown;
      try {
        result = await options.invoker.invoke(declaration, event);
      } catch (error) {
        // Deployed, an unhandled error or a timeout is a 500 from API Gateway; the caller learns nothing more.
        options.warn(`${options.invoker.functionName(declaration)} failed on ${method} ${rawPath}: ${oneLine(errorText(error))}`);
        return sendProblem(response, problemFor(error), requestId);
      }
      writeLambdaResult(response, result, requestId);
    } catch (error) {
      if (error instanceof PayloadTooLargeError)
        return sendProblem(response, localProblem(413, 'Payload too large', error.message), requestId);
      options.warn(`local API failed on ${method} ${rawPath}: ${oneLine(errorText(error))}`);
      if (!response.headersSent) sendProblem(response, problemFor(error), requestId);
      else response.destroy();
    }
  }

  const server = createServer((request, response) => void handle(request, response));
  // Keep-alive longer than typical clients' (autocannon, undici) so sockets are not cut mid-reuse.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const port = await listen(server, options.port, 'local API');
  const url = `http://127.0.0.1:${port}`;
  state.port = port;
  const authorizer = await createLocalAuthorizer({ issuer: `${url}/_local`, audience });
  state.authorizer = authorizer;

  return {
    url,
    port,
    authorizer,
    markReady: () => void (state.ready = true),
    stop: () => closeServer(server),
  };
}
