import { describe, expect, it } from 'vitest';
import { httpDeclarations } from '#functions/declarations';
import { buildOpenApiDocument, localServer, serversFor } from '#shared/platform/openapi';

type Responses = Record<string, { $ref?: string }>;
type Operation = { operationId: string; tags: string[]; responses: Responses };

const document = buildOpenApiDocument(httpDeclarations(), [localServer]);
const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods) as Operation[]);
const operation = (path: string, method: string) => document.paths[path]?.[method] as Operation;
const errorStatuses = (path: string, method: string) =>
  Object.keys(operation(path, method).responses)
    .map(Number)
    .filter((status) => status >= 400);

describe('the OpenAPI operations', () => {
  it("names each operation after its function in camelCase, uniquely, and tags it with the function's context", () => {
    expect(operation('/orders', 'post')).toMatchObject({ operationId: 'placeOrder', tags: ['orders'] });
    expect(operation('/payments/midtrans/notifications', 'post')).toMatchObject({ operationId: 'receiveMidtransNotification' });
    expect(operation('/participants/{participantId}/follow-ups', 'post')).toMatchObject({
      operationId: 'recordFollowUp',
      tags: ['programme'],
    });
    const ids = operations.map(({ operationId }) => operationId);
    expect(new Set(ids).size).toBe(httpDeclarations().length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
  });

  it('describes every tag an operation uses, and has servers and a licence', () => {
    const described = document.tags.map(({ name }) => name);
    expect([...new Set(operations.flatMap(({ tags }) => tags))].filter((tag) => !described.includes(tag))).toEqual([]);
    expect(document.servers).toEqual([localServer]);
    expect(document.info.license).toEqual({ name: 'Proprietary', identifier: 'LicenseRef-Proprietary' });
  });

  it('lists a GET without input or token only as throttled or unavailable: no 400, 401, 413 or 415', () => {
    expect(errorStatuses('/health', 'get')).toEqual([429, 503]);
    expect(errorStatuses('/groups/{groupId}', 'get')).toEqual([404, 429, 503]);
  });

  it("lists what a write's shape implies and its use-case's refusals, nothing more", () => {
    expect(errorStatuses('/orders', 'post')).toEqual([400, 401, 403, 409, 413, 415, 422, 429, 503]);
    expect(errorStatuses('/groups', 'post')).toEqual([400, 401, 403, 413, 415, 429, 503]);
    expect(errorStatuses('/products/{productId}', 'get')).toEqual([401, 404, 429, 503]);
  });

  it("refers every error status to a described response: the problem, the Retry-After of a 503, API Gateway's 429 body", () => {
    const { responses } = document.components;
    for (const { responses: answers } of operations)
      for (const [status, answer] of Object.entries(answers))
        if (Number(status) >= 400) expect(responses, `${status} ${answer.$ref}`).toHaveProperty(String(answer.$ref?.split('/').at(-1)));
    expect(responses.Unavailable).toMatchObject({ headers: { 'Retry-After': { schema: { type: 'integer' } } } });
    expect(responses.Throttled).toMatchObject({ content: { 'application/json': { schema: { required: ['message'] } } } });
  });
});

describe('the schemas in the OpenAPI document', () => {
  it("keeps the bounds a schema sets and drops zod's safe-integer ones, which Swagger UI would show as examples", () => {
    const text = JSON.stringify(document);
    const duration = (document.paths['/participants/{participantId}/mentoring-sessions']?.post as { requestBody: unknown }).requestBody;

    expect(text).not.toContain(String(Number.MAX_SAFE_INTEGER));
    expect(duration).toMatchObject({
      content: { 'application/json': { schema: { properties: { durationMinutes: { type: 'integer', minimum: 1, maximum: 480 } } } } },
    });
  });
});

describe('the servers a served document names', () => {
  it('names the API that served it first (deployed: https), then the local runtime', () => {
    expect(serversFor({ host: 'abc123.execute-api.ap-southeast-3.amazonaws.com', 'x-forwarded-proto': 'https' })).toEqual([
      { url: 'https://abc123.execute-api.ap-southeast-3.amazonaws.com', description: 'The API that served this document' },
      localServer,
    ]);
    expect(serversFor({ host: '127.0.0.1:3000', 'x-forwarded-proto': 'http' })).toEqual([localServer]);
  });

  it('ignores a Host that is not a host name, rather than echo it into a URL', () => {
    expect(serversFor({ host: 'evil.example/<script>' })).toEqual([localServer]);
    expect(serversFor({})).toEqual([localServer]);
  });
});
