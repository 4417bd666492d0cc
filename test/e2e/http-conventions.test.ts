import { describe, expect, it } from 'vitest';
import { eventCatalog } from '#events/catalog';
import { call, tokenFor } from '#test/support/api/client';

describe('HTTP conventions (CONTRACT §1)', () => {
  it('GET /health is public and carries the security headers', async () => {
    const response = await call('GET', '/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('bad JSON → 400 problem+json', async () => {
    const admin = await tokenFor({ sub: 'a', roles: ['admin'] });

    const response = await call('POST', '/groups', { token: admin, rawBody: '{"name": ', headers: { 'content-type': 'application/json' } });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toMatchObject({
      type: expect.stringContaining('invalid-input'),
      title: 'Invalid request',
      status: 400,
      detail: expect.any(String),
    });
  });

  it('an unknown field → 400 naming it', async () => {
    const admin = await tokenFor({ sub: 'a', roles: ['admin'] });

    const response = await call('POST', '/groups', { token: admin, body: { name: 'N', focus: 'F', district: 'D', isAdmin: true } });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: 'body.isAdmin', message: 'Unknown field' }]);
  });

  it('a wrong type → 400 naming the field', async () => {
    const admin = await tokenFor({ sub: 'a', roles: ['admin'] });

    const response = await call('POST', '/groups', {
      token: admin,
      body: { name: 'N', focus: 'F', district: 'D', participantSharePercent: '80' },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: 'body.participantSharePercent', message: expect.any(String) }]);
  });

  it('a body over 1 MiB → 413 problem+json', async () => {
    const admin = await tokenFor({ sub: 'a', roles: ['admin'] });

    const response = await call('POST', '/groups', { token: admin, body: { name: 'N', focus: 'x'.repeat(1_200_000), district: 'D' } });

    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toMatchObject({ status: 413, title: 'Content too large' });
  });

  it('a lone surrogate → 400 naming the field, and nothing is stored', async () => {
    const admin = await tokenFor({ sub: 'a', roles: ['admin'] });
    const district = `Lone-${Date.now()}`;

    const response = await call('POST', '/groups', { token: admin, body: { name: 'Bunga \ud800', focus: 'F', district } });
    const groups = await call('GET', '/groups?limit=100');

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: 'body.name', message: 'Not valid Unicode (a lone surrogate)' }]);
    expect(groups.body.items.filter((group: { district: string }) => group.district === district)).toEqual([]);
  });

  it('a body that is not JSON → 415', async () => {
    const admin = await tokenFor({ sub: 'a', roles: ['admin'] });

    const response = await call('POST', '/groups', {
      token: admin,
      rawBody: 'name=N',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

    expect(response.status).toBe(415);
    expect(response.body.status).toBe(415);
  });

  it('a missing body on a route that needs one → 400', async () => {
    const admin = await tokenFor({ sub: 'a', roles: ['admin'] });

    const response = await call('POST', '/groups', { token: admin });

    expect(response.status).toBe(400);
  });

  it('an out-of-range limit → 400', async () => {
    const response = await call('GET', '/groups?limit=101');

    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe('query.limit');
  });

  it('GET /openapi.json documents every route with its schemas', async () => {
    const response = await call('GET', '/openapi.json');

    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/groups',
        '/groups/{groupId}',
        '/participants/{participantId}/profile',
        '/enrollments/{enrollmentId}/completion',
      ]),
    );
    expect(response.body.paths['/groups'].post.requestBody.content['application/json'].schema.required).toEqual([
      'name',
      'focus',
      'district',
    ]);
  });

  it('GET /events/schemas has the JSON Schema of every event', async () => {
    const response = await call('GET', '/events/schemas');

    expect(response.status).toBe(200);
    expect(response.body.TrainingCompleted.properties).toHaveProperty('participantId');
    expect(Object.keys(response.body)).toEqual(eventCatalog.map((contract) => contract.detailType));
    expect(response.body).toHaveProperty('PayoutRecorded');
  });
});
