import type { IncomingHttpHeaders } from 'node:http';

/**
 * Why a /_local/* request is refused, or undefined when it comes from this machine (CONTRACT §5). These routes mint
 * tokens for any role, so a web page must not reach them: a foreign Origin is a page on another site, and a foreign
 * Host is DNS rebinding (a site whose name now resolves to 127.0.0.1, so the browser thinks it is same-origin).
 * They never answer with CORS headers, so no browser lets another site read what they say.
 */
export function localOnlyRefusal(headers: IncomingHttpHeaders, port: number): string | undefined {
  const thisMachine = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!thisMachine.includes(headers.host ?? '')) return `/_local/* answers only requests for ${thisMachine.join(' or ')}`;
  const { origin } = headers;
  if (origin !== undefined && !thisMachine.some((host) => origin === `http://${host}`))
    return '/_local/* answers no request from a web page of another origin';
  return undefined;
}
