import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { HttpRoute } from '#shared/kernel/declaration';
import { ConflictError } from '#shared/kernel/errors';
import { httpHandler, RawBody } from '#shared/kernel/http/http-handler';
import { securityHeaders } from '#shared/kernel/http/security-headers';
import * as z from '#shared/kernel/validation';
import { lambdaContext } from '#test/support/fakes/lambda-context';

const route = {
  method: 'POST',
  path: '/things/{thingId}',
  auth: 'jwt',
  summary: 'test',
  params: z.object({ thingId: z.string().check(z.regex(/^thg_\d+$/)) }),
  body: z.strictObject({ name: z.string().check(z.minLength(1)) }),
  response: { status: 201 },
} satisfies HttpRoute;

const context = lambdaContext();

function event(overrides: Partial<APIGatewayProxyEventV2> & { claims?: Record<string, string> } = {}): APIGatewayProxyEventV2 {
  const { claims = { sub: 'u1', 'cognito:groups': '[officer admin]' }, ...rest } = overrides;
  return {
    version: '2.0',
    routeKey: 'POST /things/{thingId}',
    rawPath: '/things/thg_1',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    pathParameters: { thingId: 'thg_1' },
    body: '{"name":"x"}',
    isBase64Encoded: false,
    requestContext: { authorizer: { jwt: { claims, scopes: null } } } as unknown as APIGatewayProxyEventV2['requestContext'],
    ...rest,
  };
}

async function invoke(run: Parameters<typeof httpHandler<typeof route>>[1], e = event()) {
  const result = (await httpHandler(route, run)(e, context)) as APIGatewayProxyStructuredResultV2;
  return { ...result, json: result.body ? JSON.parse(result.body) : undefined };
}

describe('httpHandler', () => {
  it('passes parsed input and the caller from API Gateway-shaped claims', async () => {
    let seen: unknown;

    const result = await invoke(async (input) => {
      seen = input;
      return { ok: true };
    });

    expect(result.statusCode).toBe(201);
    expect(result.headers?.['x-content-type-options']).toBe('nosniff');
    expect(seen).toMatchObject({ body: { name: 'x' }, params: { thingId: 'thg_1' }, caller: { sub: 'u1', roles: ['officer', 'admin'] } });
  });

  it('checks the headers a route declares (400 naming the header), letting other headers pass', async () => {
    // Prepare
    const withHeader = { ...route, headers: z.object({ 'x-key': z.string().check(z.minLength(1)) }) } satisfies HttpRoute;
    const handle = (headers: Record<string, string>) =>
      httpHandler(withHeader, async () => ({ ok: true }))(event({ headers: { 'content-type': 'application/json', ...headers } }), context);

    // Act
    const missing = (await handle({})) as APIGatewayProxyStructuredResultV2;
    const present = (await handle({ 'x-key': 'k1', 'user-agent': 'test' })) as APIGatewayProxyStructuredResultV2;

    // Assert
    expect(missing.statusCode).toBe(400);
    expect(JSON.parse(missing.body ?? '{}').errors).toEqual([{ path: 'headers.x-key', message: expect.any(String) }]);
    expect(present.statusCode).toBe(201);
  });

  it("sends a page route's own Content-Security-Policy on its success, and the API's strict one on its errors", async () => {
    // Prepare
    const page = { ...route, contentSecurityPolicy: "default-src 'none'; script-src 'self'" } satisfies HttpRoute;
    const handle = (run: () => Promise<unknown>, e = event()) => httpHandler(page, run)(e, context);

    // Act
    const success = (await handle(
      async () => new RawBody('text/html; charset=utf-8', '<!doctype html>'),
    )) as APIGatewayProxyStructuredResultV2;
    const refused = (await handle(async () => ({}), event({ pathParameters: { thingId: 'nope' } }))) as APIGatewayProxyStructuredResultV2;

    // Assert
    expect(success.headers).toMatchObject({
      'content-security-policy': "default-src 'none'; script-src 'self'",
      'content-type': 'text/html; charset=utf-8',
    });
    expect(success.headers?.['x-frame-options']).toBe('DENY');
    expect(refused.statusCode).toBe(404);
    expect(refused.headers?.['content-security-policy']).toBe(securityHeaders['content-security-policy']);
  });

  it('maps typed errors to problem+json', async () => {
    const result = await invoke(async () => {
      throw new ConflictError('Already done');
    });

    expect(result.statusCode).toBe(409);
    expect(result.headers?.['content-type']).toBe('application/problem+json');
    expect(result.json).toEqual({
      type: 'https://pas-kreatif.id/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'Already done',
    });
  });

  it('answers an unexpected fault with a generic 500 that leaks nothing', async () => {
    const result = await invoke(async () => {
      throw new Error('ResourceNotFoundException: arn:aws:dynamodb:secret-table');
    });

    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain('dynamodb');
    expect(result.json.title).toBe('Internal error');
    expect(result.headers?.['retry-after']).toBeUndefined();
  });

  it.each([
    ['throttles', { name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400 } }, '1'],
    ['times out', { name: 'TimeoutError', code: 'ETIMEDOUT' }, '5'],
    ['cannot be reached', { code: 'ECONNREFUSED' }, '5'],
  ])('answers a dependency that %s with 503 problem+json and Retry-After, never its AWS text', async (_, shape, retryAfter) => {
    const result = await invoke(async () => {
      throw Object.assign(new Error('arn:aws:dynamodb:ap-southeast-3:123:table/secret-table'), shape);
    });

    expect(result.statusCode).toBe(503);
    expect(result.headers?.['content-type']).toBe('application/problem+json');
    expect(result.headers?.['retry-after']).toBe(retryAfter);
    expect(result.json).toMatchObject({ type: 'https://pas-kreatif.id/problems/unavailable', status: 503, title: 'Service unavailable' });
    expect(result.body).not.toContain('dynamodb');
  });

  it('answers 503 with Retry-After, not a 500, when the handler is still running just before the function’s timeout', async () => {
    const stuck = httpHandler(route, () => new Promise(() => undefined));

    const result = (await stuck(event(), { ...context, getRemainingTimeInMillis: () => 300 })) as APIGatewayProxyStructuredResultV2;

    expect(result.statusCode).toBe(503);
    expect(result.headers?.['retry-after']).toBe('5');
  });

  it.each([
    ['malformed JSON', { body: '{"name":' }, 400],
    ['an unknown field', { body: '{"name":"x","admin":true}' }, 400],
    ['a wrong type', { body: '{"name":1}' }, 400],
    ['no body', { body: undefined }, 400],
    ['a non-JSON content type', { headers: { 'content-type': 'text/plain' } }, 415],
    ['a malformed path id', { pathParameters: { thingId: 'nope' } }, 404],
    ['no claims', { claims: {} }, 401],
  ] as const)('refuses %s', async (_, overrides, status) => {
    const result = await invoke(async () => ({}), event(overrides as Partial<APIGatewayProxyEventV2>));

    expect(result.statusCode).toBe(status);
    expect(result.json.status).toBe(status);
  });

  it('decodes a base64 body', async () => {
    let seen: unknown;

    await invoke(
      async ({ body }) => {
        seen = body;
      },
      event({ body: Buffer.from('{"name":"b64"}').toString('base64'), isBase64Encoded: true }),
    );

    expect(seen).toEqual({ name: 'b64' });
  });

  it('accepts an empty request with no content type on a route without a body', async () => {
    const { body: _body, ...noBody } = route;
    const handler = httpHandler({ ...noBody, response: { status: 200 } }, async () => ({ ok: true }));

    const result = (await handler(event({ body: undefined, headers: {} }), context)) as APIGatewayProxyStructuredResultV2;

    expect(result.statusCode).toBe(200);
  });
});
