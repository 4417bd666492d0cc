/**
 * GET /docs (CONTRACT §3): Swagger UI rendering /openapi.json, every file of it served by the API itself. The page and
 * its initializer are ours; the stylesheet and the bundle are swagger-ui-dist's (shared/platform/swagger-ui-files.ts).
 */

/** Under /docs/{asset}, in the order the page loads them: the initializer needs the bundle before it. */
export const apiReferenceAssetNames = ['swagger-ui.css', 'swagger-ui-bundle.js', 'api-reference.js'] as const;
export type ApiReferenceAssetName = (typeof apiReferenceAssetNames)[number];

export interface ApiReferenceAsset {
  contentType: string;
  body: string;
}

/**
 * The page's Content-Security-Policy, in place of the API's `default-src 'none'`: scripts and styles only from the
 * API's own files (no inline script or stylesheet, no eval), and requests only to the API itself (/openapi.json, and "try
 * it out"). Swagger UI's stylesheet draws its icons as data: SVGs, hence `data:` for images. Swagger UI 5 needs no
 * more: `npm run test:docs-page` fails on any violation.
 */
export const apiReferencePolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Our initializer, a file because the policy allows no inline script. The URL is relative to /docs, so the page reads
 * the document of whichever API served it, locally and deployed. validatorUrl: null keeps Swagger UI from sending the
 * document to validator.swagger.io for a badge.
 */
export const apiReferenceInitializer = `SwaggerUIBundle({
  url: 'openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  displayOperationId: true,
  validatorUrl: null,
});
`;

const assetPath = (name: ApiReferenceAssetName) => `docs/${name}`;

const stylesheets = apiReferenceAssetNames.filter((name) => name.endsWith('.css'));
const scripts = apiReferenceAssetNames.filter((name) => name.endsWith('.js'));

/** `<link rel="icon" href="data:,">`: the API has no favicon, and without it the browser asks for /favicon.ico. */
export const apiReferencePage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PAS Kreatif API reference</title>
<link rel="icon" href="data:,">
${stylesheets.map((name) => `<link rel="stylesheet" href="${assetPath(name)}">`).join('\n')}
</head>
<body>
<div id="swagger-ui"></div>
${scripts.map((name) => `<script src="${assetPath(name)}"></script>`).join('\n')}
</body>
</html>
`;
