import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { localAccountId } from '#infra/local/lambda/invoker';
import type { RouteMatch } from './routes.ts';

// API Gateway passes these content types through as text; any other body arrives base64-encoded.
const textContentType = /^(text\/|application\/([\w.+-]+\+)?(json|xml|javascript|x-www-form-urlencoded|yaml|x-yaml|graphql)\b)/i;

export interface BuildEventInput {
  request: IncomingMessage;
  body: Buffer;
  match: RouteMatch;
  /** the JWT authorizer's claims, for jwt routes */
  claims?: Record<string, string>;
  stage: string;
  requestId: string;
}

/**
 * An API Gateway HTTP API payload format 2.0 event, field for field: lower-cased headers with
 * repeated values comma-joined, cookies moved out of the headers, decoded query parameters (repeated
 * keys comma-joined), the body as a string (base64 unless text), and the authorizer's claims.
 */
export function buildApiGatewayEvent({ request, body, match, claims, stage, requestId }: BuildEventInput): APIGatewayProxyEventV2 {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const rawPath = (request.url ?? '/').split('?')[0] as string;
  const rawQueryString = (request.url ?? '').includes('?') ? (request.url ?? '').slice((request.url ?? '').indexOf('?') + 1) : '';
  const now = new Date();
  const sourceIp = (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');

  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(request.headersDistinct)) {
    if (name !== 'cookie' && values) headers[name] = values.join(',');
  }
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${sourceIp}` : sourceIp;
  headers['x-forwarded-port'] = String(request.socket.localPort ?? '');
  headers['x-forwarded-proto'] = 'http';
  headers['x-amzn-trace-id'] ??= `Root=1-${Math.floor(now.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;

  const cookies = (request.headersDistinct.cookie ?? []).flatMap((header) =>
    header
      .split(';')
      .map((cookie) => cookie.trim())
      .filter(Boolean),
  );

  const queryStringParameters: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    queryStringParameters[key] = key in queryStringParameters ? `${queryStringParameters[key]},${value}` : value;
  }

  const isText = textContentType.test(headers['content-type'] ?? '');
  const domainName = headers.host ?? '127.0.0.1';
  const { routeKey } = match.route;

  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(queryStringParameters).length > 0 ? { queryStringParameters } : {}),
    requestContext: {
      accountId: localAccountId,
      apiId: 'local',
      domainName,
      domainPrefix: domainName.split('.')[0] as string,
      http: {
        method: request.method ?? 'GET',
        path: rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey,
      stage,
      time: formatRequestTime(now),
      timeEpoch: now.getTime(),
      // The event type of aws-lambda leaves `authorizer` to its subtypes; API Gateway sends exactly this.
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    } as APIGatewayProxyEventV2['requestContext'],
    ...(Object.keys(match.pathParameters).length > 0 ? { pathParameters: match.pathParameters } : {}),
    ...(body.length > 0 ? { body: isText ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !isText,
  };
}

/** "28/Nov/2026:05:36:47 +0000", as in requestContext.time. */
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// toLocaleString would build an Intl formatter per request: measured as the local API's hottest function.
function formatRequestTime(date: Date): string {
  const month = months[date.getUTCMonth()];
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${month}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** An API Gateway request id: 16 base64 characters, as in the apigw-requestid header. */
export function newRequestId(): string {
  return randomBytes(11).toString('base64');
}

/**
 * Writes the function's result as API Gateway does for payload 2.0: a structured result (statusCode,
 * headers, cookies, body, isBase64Encoded) as is; anything else as a 200 JSON body.
 */
export function writeLambdaResult(response: ServerResponse, result: unknown, requestId: string): void {
  const structured = isStructured(result)
    ? result
    : {
        statusCode: 200,
        headers: { 'content-type': 'application/json' },
        body: typeof result === 'string' ? result : JSON.stringify(result ?? null),
      };
  const body =
    structured.body === undefined ? Buffer.alloc(0) : Buffer.from(structured.body, structured.isBase64Encoded ? 'base64' : 'utf8');
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {})) headers[name.toLowerCase()] = String(value);
  if (structured.cookies && structured.cookies.length > 0) headers['set-cookie'] = structured.cookies;
  headers['content-length'] = String(body.length);
  headers['apigw-requestid'] = requestId;
  response.writeHead(structured.statusCode ?? 200, headers);
  response.end(body);
}

function isStructured(result: unknown): result is APIGatewayProxyStructuredResultV2 {
  return typeof result === 'object' && result !== null && typeof (result as { statusCode?: unknown }).statusCode === 'number';
}
