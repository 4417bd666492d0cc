import { describe, expect, it } from 'vitest';
import { apiReferenceAssetNames } from '#shared/platform/api-reference';
import { call } from '#test/support/api/client';

const pageCsp =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const assetTypes = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'api-reference.js': 'text/javascript; charset=utf-8',
};

describe('GET /docs (CONTRACT §3 System)', () => {
  it('is public and answers the HTML page, under its own Content-Security-Policy, shared for a minute', async () => {
    const response = await call('GET', '/docs');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(pageCsp);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.body).toMatch(/^<!doctype html>/);
  });

  it('loads only files the API serves: every script and stylesheet it names answers 200 with its type', async () => {
    const page = await call('GET', '/docs');
    const references = [...(page.body as string).matchAll(/<(?:script src|link rel="stylesheet" href)="([^"]+)"/g)].map(([, url]) => url);

    const answers = await Promise.all(
      references.map(async (url) => ({ url, response: await call('GET', new URL(url ?? '', 'http://api/docs').pathname) })),
    );

    expect(references).toEqual(apiReferenceAssetNames.map((name) => `docs/${name}`));
    expect(answers.map(({ url, response }) => [url, response.status, response.headers.get('content-type')])).toEqual(
      apiReferenceAssetNames.map((name) => [`docs/${name}`, 200, assetTypes[name]]),
    );
  });

  it.each(Object.entries(assetTypes))('serves %s as %s, shared for a minute', async (name, type) => {
    const response = await call('GET', `/docs/${name}`);

    expect([response.status, response.headers.get('content-type'), response.headers.get('cache-control')]).toEqual([
      200,
      type,
      'public, max-age=60',
    ]);
    expect((response.body as string).length).toBeGreaterThan(0);
  });

  it('answers the initializer that reads the /openapi.json beside it, so the page works locally and deployed', async () => {
    const response = await call('GET', '/docs/api-reference.js');

    expect(response.body).toContain("url: 'openapi.json'");
  });

  it.each(['swagger-ui.js', 'index.html', 'package.json', '..%2Fpackage.json', 'swagger-ui.css.map'])(
    'answers an unknown asset %s with a 404 problem',
    async (name) => {
      const response = await call('GET', `/docs/${name}`);

      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.body.status).toBe(404);
    },
  );

  it('is itself a route of /openapi.json, as HTML', async () => {
    const response = await call('GET', '/openapi.json');

    expect(response.body.paths['/docs'].get.security).toEqual([]);
    expect(Object.keys(response.body.paths['/docs'].get.responses['200'].content)).toEqual(['text/html']);
    expect(Object.keys(response.body.paths['/docs/{asset}'].get.responses['200'].content)).toEqual(['text/javascript', 'text/css']);
  });
});
