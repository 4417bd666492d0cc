import { describe, expect, it } from 'vitest';
import { httpDeclarations } from '#functions/declarations';
import { undocumentedAnswers } from '#test/support/openapi/documented-answers';

const declarations = httpDeclarations();

describe('the check of the e2e answers against the OpenAPI document', () => {
  it('passes the answers each operation lists, whatever the ids in the path', () => {
    expect(
      undocumentedAnswers(declarations, [
        { method: 'POST', path: '/orders', status: 201 },
        { method: 'POST', path: '/orders', status: 409 },
        { method: 'GET', path: '/orders/ord_01J', status: 404 },
        { method: 'POST', path: '/webhooks/whk_1/deliveries/msg_1/retry', status: 409 },
      ]),
    ).toEqual([]);
  });

  it('names each answer an operation does not list, once: a 500, a 415 on a GET, a 409 where nothing conflicts', () => {
    expect(
      undocumentedAnswers(declarations, [
        { method: 'GET', path: '/groups/grp_1', status: 500 },
        { method: 'GET', path: '/groups/grp_2', status: 500 },
        { method: 'GET', path: '/health', status: 415 },
        { method: 'POST', path: '/groups', status: 409 },
      ]),
    ).toEqual(['GET /groups/{groupId} → 500', 'GET /health → 415', 'POST /groups → 409']);
  });

  it("leaves the edge's answers alone: local-only routes, unknown paths, methods a path lacks", () => {
    expect(
      undocumentedAnswers(declarations, [
        { method: 'POST', path: '/_local/token', status: 403 },
        { method: 'GET', path: '/nowhere', status: 404 },
        { method: 'DELETE', path: '/groups', status: 404 },
      ]),
    ).toEqual([]);
  });
});
