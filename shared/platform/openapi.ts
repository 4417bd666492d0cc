import type { $ZodType } from 'zod/v4/core';
import type { ContextName, HttpFunctionDeclaration, HttpRoute } from '#shared/kernel/declaration';
import { type ErrorStatus, errorStatusesOf } from '#shared/kernel/http/route-statuses';
import * as z from '#shared/kernel/validation';

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

const problem = (description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** Each error status's response, once in components; an operation refers to those it can answer. */
const errorResponses: Record<ErrorStatus, { name: string; response: object }> = {
  400: { name: 'InvalidInput', response: problem('Malformed or invalid input; `errors` names each field') },
  401: {
    name: 'Unauthorized',
    response: problem('No token, or one that is invalid or expired', {
      'WWW-Authenticate': { description: 'Bearer error="invalid_token"', schema: { type: 'string' } },
    }),
  },
  403: { name: 'Forbidden', response: problem('Your role may not do this') },
  404: { name: 'NotFound', response: problem('Missing, or not visible to you') },
  409: { name: 'Conflict', response: problem('State conflict: the wrong lifecycle step, out of stock, or a duplicate') },
  413: { name: 'ContentTooLarge', response: problem('The body is over 1 MiB') },
  415: { name: 'UnsupportedMediaType', response: problem('The body is not application/json') },
  422: { name: 'BusinessRuleViolated', response: problem('Well-formed, but breaks a business rule') },
  429: {
    name: 'Throttled',
    response: {
      description: "The stage's throttle (100 requests/s, bursts of 200, per route), answered by API Gateway itself: retry after a backoff",
      content: {
        'application/json': {
          schema: { type: 'object', required: ['message'], properties: { message: { type: 'string', const: 'Too Many Requests' } } },
        },
      },
    },
  },
  503: {
    name: 'Unavailable',
    response: problem('A dependency stalled or failed for a moment: retry after Retry-After, with the same Idempotency-Key', {
      'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 1 } },
    }),
  },
};

/** A tag per bounded context, in the order a reader meets them. */
const contextTags: Record<ContextName, string> = {
  platform: 'Health and the documents that describe this API and its events',
  participants: 'Groups (Pokmas Lipas), participants (klien pemasyarakatan) and their public artisan pages',
  training: 'Training programs, enrollments, attendance and completion',
  programme: 'After training: mentoring, placements and follow-ups',
  catalog: 'Products, their images and the public storefront',
  orders: 'Orders, payment, shipping, delivery, cancellation, returns and refunds',
  earnings: "Participants' earnings, payouts and statements",
  reports: "A group's programme report",
  privacy: 'Access log, export and erasure of personal data (UU 27/2022)',
  webhooks: 'Partner webhooks and their deliveries',
};

/** `place-order` → `placeOrder`: client generators name their functions after it. */
export const operationIdOf = (functionName: string) => functionName.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/**
 * zod bounds every `z.int()` by the safe integers; as written bounds they say nothing a client needs, and Swagger UI
 * shows -9007199254740991 as each integer's example. A bound a schema sets itself stays.
 */
function withoutSafeIntegerBounds({ jsonSchema }: { jsonSchema: { minimum?: number; maximum?: number } }) {
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
}

const jsonSchema = (schema: $ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', override: withoutSafeIntegerBounds });

function parameters(route: HttpRoute) {
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const query = route.query ? (jsonSchema(route.query, 'input') as { properties?: Record<string, object>; required?: string[] }) : {};
  const queryParams = Object.entries(query.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: query.required?.includes(name) ?? false,
    schema,
  }));
  const headers = route.headers ? (jsonSchema(route.headers, 'input') as { properties?: Record<string, object>; required?: string[] }) : {};
  const headerParams = Object.entries(headers.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'header',
    required: headers.required?.includes(name) ?? false,
    schema,
  }));
  return [...pathParams, ...queryParams, ...headerParams];
}

/** OpenAPI lists alternatives: `{}` is "no credentials", so an optional-auth route offers both. */
const securityOf = (auth: HttpRoute['auth']) => ({ public: [], jwt: [{ bearer: [] }], optional: [{}, { bearer: [] }] })[auth];

function operation({ name, context, trigger: { route } }: HttpFunctionDeclaration) {
  const { status, schema, contentType = 'application/json', alternativeContentTypes = [] } = route.response;
  const alternatives = alternativeContentTypes.map((type) => [type, { schema: { type: 'string' } }]);
  return {
    operationId: operationIdOf(name),
    tags: [context],
    summary: route.summary,
    ...(route.roles ? { description: `Roles: ${route.roles.join(', ')}` } : {}),
    security: securityOf(route.auth),
    parameters: parameters(route),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } }
      : {}),
    responses: {
      [status]: {
        description: 'Success',
        ...(schema ? { content: { [contentType]: { schema: jsonSchema(schema, 'output') }, ...Object.fromEntries(alternatives) } } : {}),
      },
      ...Object.fromEntries(errorStatusesOf(route).map((code) => [code, { $ref: `#/components/responses/${errorResponses[code].name}` }])),
    },
  };
}

export interface Server {
  url: string;
  description: string;
}

/** The local runtime's default address (CONTRACT §5). */
export const localServer: Server = { url: 'http://127.0.0.1:3000', description: 'The local runtime (npm start)' };

/**
 * The API that served the document first, so "try it" in /docs calls it: deployed, API Gateway routes by Host and
 * sets x-forwarded-proto, so these name the stage itself. Then the local runtime's default address.
 */
export function serversFor(headers: Record<string, string | undefined>): Server[] {
  const { host } = headers;
  if (!host || !/^[\w.-]+(:\d{1,5})?$/.test(host)) return [localServer];
  const here = `${headers['x-forwarded-proto'] === 'http' ? 'http' : 'https'}://${host}`;
  return here === localServer.url ? [localServer] : [{ url: here, description: 'The API that served this document' }, localServer];
}

/** OpenAPI 3.1, generated from the same declarations and zod schemas the handlers are built and validate with. */
export function buildOpenApiDocument(functions: readonly HttpFunctionDeclaration[], servers: readonly Server[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const declaration of functions) {
    const { path, method } = declaration.trigger.route;
    paths[path] = { ...paths[path], [method.toLowerCase()]: operation(declaration) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'PAS Kreatif API',
      version: '1.0.0',
      description: 'Showcase and sell crafts made by klien pemasyarakatan.',
      // No licence file, and package.json is private: the document must not suggest an open licence (as /asyncapi.json).
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers,
    tags: Object.entries(contextTags).map(([name, description]) => ({ name, description })),
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: problemSchema },
      responses: Object.fromEntries(Object.values(errorResponses).map(({ name, response }) => [name, response])),
    },
    paths,
  };
}

/** GET /events/schemas: the JSON Schema of each event's data, keyed by detail-type. */
export function buildEventSchemas(contracts: readonly { detailType: string; data: $ZodType }[]) {
  return Object.fromEntries(contracts.map((contract) => [contract.detailType, jsonSchema(contract.data, 'output')]));
}
