/**
 * The HTTP API's CORS rules, applied by API Gateway deployed (infra/constructs/platform-api.ts)
 * and by the local HTTP server. Tokens travel in the Authorization header, never in cookies,
 * so any origin may call the API.
 */
export const corsRules = {
  allowOrigins: ['*'],
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
  maxAgeSeconds: 3600,
} as const;
