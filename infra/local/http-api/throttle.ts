import type { ServerResponse } from 'node:http';
import { InvokeStore } from '@aws/lambda-invoke-store';
import { MetricName } from '#shared/kernel/observability/metric-names';
import { emfCounter } from '#shared/kernel/observability/metrics';
import type { StageThrottle } from '#infra/stage-throttle';

/** The stage throttle, locally: one token bucket per route key (`POST /orders`), as API Gateway keeps per route. */
export interface RouteThrottle {
  /** Takes a token from the route's bucket; false when it is empty, and API Gateway would answer 429. */
  admit(routeKey: string): boolean;
}

/**
 * A bucket holds at most `burstLimit` tokens and starts full; it refills continuously at `rateLimit` tokens a second.
 * So `burstLimit` requests sent at once all pass, the next one is refused, and one more passes every 1/rate s.
 */
export function createRouteThrottle(
  { rateLimit, burstLimit }: StageThrottle,
  nowMs: () => number = () => performance.now(),
): RouteThrottle {
  // In thousandths of a token, so that whole milliseconds refill exactly (9 ms + 1 ms is one token, not 0.999…).
  const token = 1000;
  const full = burstLimit * token;
  const buckets = new Map<string, { level: number; at: number }>();
  return {
    admit(routeKey) {
      const at = nowMs();
      const bucket = buckets.get(routeKey) ?? { level: full, at };
      bucket.level = Math.min(full, bucket.level + (at - bucket.at) * rateLimit);
      bucket.at = at;
      buckets.set(routeKey, bucket);
      if (bucket.level < token) return false;
      bucket.level -= token;
      return true;
    },
  };
}

const throttledBody = Buffer.from(JSON.stringify({ message: 'Too Many Requests' }));

/**
 * Deployed, the access log's metric filter counts 429s; here the stand-in logs the same EMF line itself. Powertools
 * needs an invocation context to count in when the runtime runs many at once, so it gets one of its own.
 */
async function countThrottled(): Promise<void> {
  const store = await InvokeStore.getInstanceAsync(true);
  store.run({}, () => emfCounter.increment(MetricName.throttled));
}

/**
 * API Gateway's own answer to a throttled request, byte for byte: its JSON message, its request id, and no
 * Retry-After (API Gateway sends none; clients back off on their own) and none of the function's headers.
 */
export function sendThrottled(response: ServerResponse, requestId: string): void {
  countThrottled().catch((error: unknown) => console.warn(`Counting a throttled request failed: ${String(error)}`));
  response.writeHead(429, {
    'content-type': 'application/json',
    'content-length': String(throttledBody.length),
    'apigw-requestid': requestId,
  });
  response.end(throttledBody);
}
