import type { $ZodType } from 'zod/v4/core';
import type { HttpRoute } from '#shared/kernel/declaration';
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

const problemStatuses: Record<string, string> = {
  '400': 'Malformed or invalid input',
  '401': 'No or invalid token',
  '403': 'Your role may not do this',
  '404': 'Missing, or not visible to you',
  '409': 'State conflict',
  '413': 'The body is over 1 MiB',
  '415': 'Not JSON',
  '422': 'Breaks a business rule',
};

const jsonSchema = (schema: $ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' });

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

function operation(route: HttpRoute) {
  const { status, schema, contentType = 'application/json', alternativeContentTypes = [] } = route.response;
  const alternatives = alternativeContentTypes.map((type) => [type, { schema: { type: 'string' } }]);
  return {
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
      ...Object.fromEntries(
        Object.entries(problemStatuses).map(([code, description]) => [
          code,
          { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        ]),
      ),
    },
  };
}

/** OpenAPI 3.1, generated from the same zod schemas the handlers validate with. */
export function buildOpenApiDocument(routes: readonly HttpRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'PAS Kreatif API', version: '1.0.0', description: 'Showcase and sell crafts made by klien pemasyarakatan.' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: problemSchema },
    },
    paths,
  };
}

/** GET /events/schemas: the JSON Schema of each event's data, keyed by detail-type. */
export function buildEventSchemas(contracts: readonly { detailType: string; data: $ZodType }[]) {
  return Object.fromEntries(contracts.map((contract) => [contract.detailType, jsonSchema(contract.data, 'output')]));
}
