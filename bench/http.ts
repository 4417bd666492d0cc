import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

export interface HttpFigures {
  name: string;
  concurrency: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  rps: number;
  errors: number;
}

export interface HttpBench {
  name: string;
  path: string;
  token?: string;
  /** a POST: each request sends the next of these bodies (round robin) with an Idempotency-Key of its own */
  bodies?: readonly unknown[];
}

const concurrency = 16;

/** Warms the handler (module load, JIT, connections) so the figures describe a warm container. */
async function warmUp(url: string, headers: Record<string, string>, bench: HttpBench) {
  await autocannon({ url, headers, connections: 16, amount: 3000, ...posts(bench) });
}

/** For a POST bench: distinct keys, so every request places an order of its own rather than replaying one. */
function posts(bench: HttpBench): Partial<autocannon.Options> {
  const bodies = bench.bodies;
  if (!bodies) return {};
  let sent = 0;
  return {
    method: 'POST',
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          method: 'POST',
          headers: { ...request.headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify(bodies[sent++ % bodies.length]),
        }),
      },
    ],
  };
}

export async function measureHttp(apiUrl: string, bench: HttpBench, requests: number): Promise<HttpFigures> {
  const url = `${apiUrl}${bench.path}`;
  const headers: Record<string, string> = bench.token ? { authorization: `Bearer ${bench.token}` } : {};
  await warmUp(url, headers, bench);
  const result = await autocannon({ url, headers, connections: concurrency, amount: requests, ...posts(bench) });
  return {
    name: bench.name,
    concurrency,
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    rps: Math.round(result.requests.average),
    // A refused or failed answer is as much an error as a dropped connection.
    errors: result.errors + result.timeouts + result.non2xx,
  };
}
