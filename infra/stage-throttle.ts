/**
 * The stage's throttle, per route (CONTRACT §1): API Gateway applies it deployed, as the $default stage's default
 * route settings (infra/constructs/platform-api.ts), and the local HTTP server applies the same numbers with its own
 * token bucket per route (infra/local/http-api/throttle.ts). A ceiling on what one runaway or abusive client, or a
 * crowd, can cost; the account default is 10,000 requests/s.
 */
export const stageThrottle = { rateLimit: 100, burstLimit: 200 } as const;

export type StageThrottle = typeof stageThrottle;
