import { describe, expect, it } from 'vitest';
import { eventCatalog } from '#events/catalog';
import { declarations, httpDeclarations } from '#functions/declarations';
import { buildEventSchemas, buildOpenApiDocument, localServer } from '#shared/platform/openapi';

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument(httpDeclarations(), [localServer]);

  const securityBy = { public: [], jwt: [{ bearer: [] }], optional: [{}, { bearer: [] }] };

  it('has an operation for every declared route, secured when the route needs a token, either way when it is optional', () => {
    for (const declaration of declarations) {
      if (declaration.trigger.kind !== 'http') continue;
      const { method, path, auth } = declaration.trigger.route;
      const operation = document.paths[path]?.[method.toLowerCase()] as { security: unknown[] } | undefined;
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation?.security).toEqual(securityBy[auth]);
    }
  });

  it('offers an optional-auth route both with and without a bearer token', () => {
    // Act
    const optional = buildOpenApiDocument(
      [
        {
          name: 'get-thing',
          context: 'catalog',
          description: 'a thing',
          grants: {},
          trigger: {
            kind: 'http',
            route: { method: 'GET', path: '/things/{id}', auth: 'optional', summary: 'a thing', response: { status: 200 } },
          },
        },
      ],
      [],
    );

    // Assert
    expect(optional.paths['/things/{id}']?.get).toMatchObject({ security: [{}, { bearer: [] }] });
  });

  it('lists the other content types a route can answer (the group report as CSV), and its query parameters', () => {
    // Prepare
    const operation = document.paths['/reports/groups/{groupId}']?.get as {
      parameters: { name: string; in: string }[];
      responses: Record<string, { content: Record<string, { schema: { type: string } }> }>;
    };

    // Act
    const content = operation.responses['200']?.content;

    // Assert
    expect(Object.keys(content ?? {})).toEqual(['application/json', 'text/csv']);
    expect(content?.['text/csv']?.schema).toEqual({ type: 'string' });
    expect(operation.parameters.map((parameter) => `${parameter.in}:${parameter.name}`)).toEqual([
      'path:groupId',
      'query:from',
      'query:to',
      'query:format',
    ]);
  });

  it('describes request bodies by their input (phone is a string in, E.164 out)', () => {
    const schema = (
      document.paths['/participants']?.post as {
        requestBody: { content: Record<string, { schema: { properties: Record<string, unknown>; additionalProperties: boolean } }> };
      }
    ).requestBody.content['application/json']?.schema;

    expect(schema?.properties.phone).toEqual({ type: 'string' });
    expect(schema?.additionalProperties).toBe(false);
  });

  it('tells clients of a list to follow nextCursor until null, since a filtered page may be short or empty', () => {
    type ListSchema = { properties: { nextCursor: { description?: string } } };
    const products = document.paths['/products']?.get as { responses: Record<string, { content: Record<string, { schema: ListSchema }> }> };

    const nextCursor = products.responses['200']?.content['application/json']?.schema.properties.nextCursor;

    expect(nextCursor?.description).toMatch(/null only when the list is done/);
  });

  it('documents the Idempotency-Key header POST /orders requires', () => {
    const { parameters } = document.paths['/orders']?.post as { parameters: unknown[] };

    expect(parameters).toEqual([
      { name: 'idempotency-key', in: 'header', required: true, schema: { type: 'string', minLength: 1, maxLength: 255 } },
    ]);
  });

  it('documents the Midtrans notification body as open to the fields Midtrans adds', () => {
    const { requestBody } = document.paths['/payments/midtrans/notifications']?.post as {
      requestBody: { content: Record<string, { schema: { additionalProperties: unknown; required: string[] } }> };
    };
    const schema = requestBody.content['application/json']?.schema;

    expect(schema?.additionalProperties).toEqual({});
    expect(schema?.required.sort()).toEqual(['gross_amount', 'order_id', 'status_code', 'transaction_status']);
  });
});

describe('event schemas', () => {
  it('gives every event its data schema, closed to extra fields', () => {
    const schemas = buildEventSchemas(eventCatalog) as Record<string, { additionalProperties: boolean }>;

    expect(Object.keys(schemas)).toEqual(eventCatalog.map((c) => c.detailType));
    for (const schema of Object.values(schemas)) expect(schema.additionalProperties).toBe(false);
  });
});
