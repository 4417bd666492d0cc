import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiReferenceAssetNames, apiReferenceInitializer, apiReferencePage, apiReferencePolicy } from '#shared/platform/api-reference';
import { readApiReferenceAssets } from '#shared/platform/swagger-ui-files';

const directives = Object.fromEntries(
  apiReferencePolicy.split('; ').map((directive) => {
    const [name, ...sources] = directive.split(' ');
    return [name, sources];
  }),
);

describe('the API reference page', () => {
  it('loads exactly its assets, scripts in the order they need each other, all relative to /docs', () => {
    const references = [...apiReferencePage.matchAll(/(?:href|src)="([^"]+)"/g)].map(([, url]) => url);

    expect(references).toEqual(['data:,', 'docs/swagger-ui.css', 'docs/swagger-ui-bundle.js', 'docs/api-reference.js']);
    expect(apiReferencePage).not.toMatch(/<script>|<style|\sstyle=|\son\w+=/);
  });

  it('is allowed its own files and requests to the API only, with no inline script, no eval and no inline stylesheet', () => {
    expect(directives).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('reads the document of whichever API serves it, shows operationIds, and sends the document to no validator', () => {
    expect(apiReferenceInitializer).toContain("url: 'openapi.json'");
    expect(apiReferenceInitializer).toContain('displayOperationId: true');
    expect(apiReferenceInitializer).toContain('validatorUrl: null');
  });
});

describe('readApiReferenceAssets', () => {
  it("serves swagger-ui-dist's stylesheet and bundle and our initializer, each with its type", () => {
    const assets = readApiReferenceAssets();

    expect(Object.keys(assets)).toEqual([...apiReferenceAssetNames]);
    expect(assets['swagger-ui.css'].contentType).toBe('text/css; charset=utf-8');
    expect(assets['swagger-ui-bundle.js'].contentType).toBe('text/javascript; charset=utf-8');
    expect(assets['swagger-ui-bundle.js'].body).toContain('SwaggerUIBundle');
    expect(assets['api-reference.js']).toEqual({ contentType: 'text/javascript; charset=utf-8', body: apiReferenceInitializer });
  });

  it('drops the comment pointing at the stylesheet source map it does not serve', () => {
    // Prepare
    const directory = mkdtempSync(join(tmpdir(), 'swagger-ui-dist-'));
    writeFileSync(join(directory, 'swagger-ui.css'), '.a{color:red}\n\n/*# sourceMappingURL=swagger-ui.css.map*/');
    writeFileSync(join(directory, 'swagger-ui-bundle.js'), 'var SwaggerUIBundle;');

    // Act
    const assets = readApiReferenceAssets(directory);

    // Assert
    expect(assets['swagger-ui.css'].body).toBe('.a{color:red}\n\n');
  });
});
