import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { $ZodIssue, $ZodType, output } from 'zod/v4/core';
import type { HttpRoute } from '#shared/kernel/declaration';
import { type Caller, callerFromClaims } from '#shared/kernel/auth/caller';
import type { TokenVerifier } from '#shared/kernel/auth/token-verifier';
import {
  BodyTooLargeError,
  type FieldError,
  InvalidInputError,
  NotFoundError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
} from '#shared/kernel/errors';
import * as z from '#shared/kernel/validation';

type Output<S> = S extends $ZodType ? output<S> : undefined;

export interface RouteInput<R extends HttpRoute> {
  body: Output<R['body']>;
  query: Output<R['query']>;
  params: Output<R['params']>;
  caller: R['auth'] extends 'jwt' ? Caller : R['auth'] extends 'optional' ? Caller | undefined : undefined;
  headers: Record<string, string | undefined>;
}

type ClaimsEvent = APIGatewayProxyEventV2 & {
  requestContext: { authorizer?: { jwt?: { claims?: Record<string, string | number | boolean | string[]> } } };
};

const jsonContentType = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/** `tokens` checks the bearer token of an optional-auth route, which API Gateway passes through unchecked. */
export async function parseRequest<R extends HttpRoute>(route: R, event: ClaimsEvent, tokens?: TokenVerifier): Promise<RouteInput<R>> {
  const caller = await callerOf(route, event, tokens);
  // A malformed id cannot name anything, so it is as absent as a well-formed unknown one.
  const params = route.params ? z.safeParse(route.params, event.pathParameters ?? {}) : undefined;
  if (params && !params.success) throw new NotFoundError('Resource');
  const query = route.query ? validate(route.query, event.queryStringParameters ?? {}, 'query') : undefined;
  if (route.headers) validate(route.headers, event.headers ?? {}, 'headers');
  const body = parseBody(route, event);
  return { caller, params: params?.data, query, body, headers: event.headers ?? {} } as RouteInput<R>;
}

async function callerOf(route: HttpRoute, event: ClaimsEvent, tokens: TokenVerifier | undefined): Promise<Caller | undefined> {
  if (route.auth === 'jwt') return callerFromClaims(event.requestContext.authorizer?.jwt?.claims);
  if (route.auth === 'public') return undefined;
  // No credentials is an anonymous caller. Credentials that fail are a 401, not anonymity: a client whose
  // token expired learns so, rather than silently seeing less.
  const authorization = event.headers?.authorization?.trim();
  if (!authorization) return undefined;
  const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  if (!token) throw new UnauthorizedError('Send the token as Authorization: Bearer <JWT>');
  // httpHandler refuses to build an optional-auth handler without a verifier.
  return callerFromClaims(await (tokens as TokenVerifier).verify(token));
}

/**
 * The largest body any route takes (CONTRACT §1): no body here comes near it, and API Gateway would hand a
 * function up to 10 MB, which parsing and validating would spend the function's memory and time on.
 */
export const maxBodyBytes = 1024 * 1024;

/** A non-empty body: 415 unless it is declared JSON, 400 unless it parses and every string in it is valid Unicode. */
export function parseJsonBody(raw: string, contentType: string | undefined): unknown {
  if (!jsonContentType.test(contentType ?? '')) throw new UnsupportedMediaTypeError('Send the body as application/json');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new InvalidInputError('The body is not valid JSON');
  }
  const malformed = firstMalformedText(json, ['body']);
  if (malformed)
    throw new InvalidInputError('The body holds text that is not valid Unicode', [
      { path: malformed.join('.'), message: 'Not valid Unicode (a lone surrogate)' },
    ]);
  return json;
}

/**
 * JSON's `\ud800` escape parses to a lone surrogate: not text, and stored it breaks every reader that encodes it
 * (UTF-8 has no form for it). The path of the first such string or key, or undefined.
 */
function firstMalformedText(value: unknown, path: string[]): string[] | undefined {
  if (typeof value === 'string') return value.isWellFormed() ? undefined : path;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (!key.isWellFormed()) return [...path, key];
    const found = firstMalformedText(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/** Measured before anything is decoded or parsed: an API Gateway body is base64 when it is not text. */
function rawBodyBytes(event: APIGatewayProxyEventV2): number {
  if (!event.body) return 0;
  return event.isBase64Encoded ? Buffer.byteLength(event.body, 'base64') : Buffer.byteLength(event.body, 'utf8');
}

function parseBody(route: HttpRoute, event: APIGatewayProxyEventV2): unknown {
  // A GET's content has no meaning (RFC 9110 §9.3.1) and CloudFront refuses one, so it is not read, let alone refused.
  if (route.method === 'GET') return undefined;
  if (rawBodyBytes(event) > maxBodyBytes) throw new BodyTooLargeError(`The body is larger than ${maxBodyBytes} bytes (1 MiB)`);
  const raw = event.body && event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (raw === undefined || raw === '') {
    if (route.body) throw new InvalidInputError('This route needs a JSON body', [{ path: 'body', message: 'Required' }]);
    return undefined;
  }
  const json = parseJsonBody(raw, event.headers?.['content-type']);
  if (!route.body) {
    const isEmptyObject = typeof json === 'object' && json !== null && !Array.isArray(json) && Object.keys(json).length === 0;
    if (!isEmptyObject) throw new InvalidInputError('This route takes no body', [{ path: 'body', message: 'Must be empty' }]);
    return undefined;
  }
  return validate(route.body, json, 'body');
}

export function validate<S extends $ZodType>(schema: S, value: unknown, location: string): output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw new InvalidInputError(`The ${location} is invalid`, fieldErrors(location, result.error.issues));
  return result.data;
}

function fieldErrors(location: string, issues: readonly $ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: joinPath(location, [...issue.path, key]), message: 'Unknown field' }))
      : [{ path: joinPath(location, issue.path), message: issue.message }],
  );
}

function joinPath(location: string, path: readonly PropertyKey[]): string {
  return [location, ...path.map(String)].join('.');
}
