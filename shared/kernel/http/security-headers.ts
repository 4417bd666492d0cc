/**
 * Sent on every response, errors included: the API serves JSON, and its one page (GET /docs) replaces only the
 * Content-Security-Policy, with the one its route declares (HttpRoute.contentSecurityPolicy).
 */
export const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
} as const;
