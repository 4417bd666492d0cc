import type { IncomingMessage, ServerResponse } from 'node:http';
import { NotFoundError } from '#shared/kernel/errors';
import { parseJsonBody, validate } from '#shared/kernel/http/parse-request';
import { problemFor } from '#shared/kernel/http/problem';
import { securityHeaders } from '#shared/kernel/http/security-headers';
import { readBody, sendJson } from '#infra/local/net';
import { type LocalAuthorizer, TokenRequestSchema } from './jwt-authorizer.ts';
import type { MidtransStandIn } from './midtrans-stand-in.ts';
import { newRequestId } from './payload.ts';
import { sendProblem } from './problem-response.ts';

/** GET /_local/services (CONTRACT §5): where the real AWS SDK clients reach each local service. */
export interface LocalServices {
  dynamodb: string;
  s3: string;
  eventbridge: string;
  sqs: string;
}

/** What the local-only routes show. */
export interface LocalInspection {
  bus(): unknown;
  deadLetters(): unknown;
  services: LocalServices;
}

/**
 * The /_local/* routes, which exist only in the local runtime: tokens, the issuer's keys, what the runtime holds,
 * and the Midtrans stand-in.
 */
export async function handleLocalRoute(
  request: IncomingMessage,
  response: ServerResponse,
  { inspect, authorizer, midtrans }: { inspect: LocalInspection; authorizer: LocalAuthorizer | undefined; midtrans: MidtransStandIn },
): Promise<void> {
  const requestId = newRequestId();
  if (await midtrans.handle(request, response, requestId)) return;
  const method = request.method ?? 'GET';
  const path = (request.url ?? '/').split('?')[0] as string;
  const route = `${method} ${path}`;
  if (route === 'POST /_local/token' && authorizer) {
    try {
      const raw = (await readBody(request, 64 * 1024)).toString('utf8');
      const json = parseJsonBody(raw, request.headers['content-type']);
      return sendJson(response, 200, { token: await authorizer.issue(validate(TokenRequestSchema, json, 'body')) }, securityHeaders);
    } catch (error) {
      return sendProblem(response, problemFor(error), requestId);
    }
  }
  if (route === 'GET /_local/bus') return sendJson(response, 200, inspect.bus(), securityHeaders);
  if (route === 'GET /_local/dead-letters') return sendJson(response, 200, inspect.deadLetters(), securityHeaders);
  if (route === 'GET /_local/services') return sendJson(response, 200, inspect.services, securityHeaders);
  if (route === 'GET /_local/.well-known/jwks.json' && authorizer) return sendJson(response, 200, authorizer.jwks, securityHeaders);
  return sendProblem(
    response,
    { ...problemFor(new NotFoundError('Route')), detail: `No local route matches ${method} ${path}` },
    requestId,
  );
}
