import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { quantile, runConcurrently } from './latencies.ts';

export interface HttpFigures {
  name: string;
  concurrency: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  rps: number;
  errors: number;
  /** the p99 of the route's floor (its bare DynamoDB calls, or the bare transaction) in the same run, interleaved */
  floorP99Ms: number;
  floorP50Ms: number;
  /** p99 / floorP99Ms */
  floorRatio: number;
}

export interface HttpBench {
  name: string;
  path: string;
  token?: string;
  /** a POST: each request sends the next of these bodies (round robin) with an Idempotency-Key of its own */
  bodies?: readonly unknown[];
  /** what the route costs underneath us, one call = one request's worth */
  floor: { run: () => Promise<unknown>; perRound: number };
}

const concurrency = 16;
const rounds = 4;

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

/** One autocannon run, keeping every response's latency so rounds can be pooled into one p99. */
function load(url: string, headers: Record<string, string>, bench: HttpBench, amount: number) {
  const latencies: number[] = [];
  return new Promise<{ latencies: number[]; result: autocannon.Result }>((resolve, reject) => {
    const instance = autocannon({ url, headers, connections: concurrency, amount, ...posts(bench) }, (error, result) =>
      error ? reject(error) : resolve({ latencies, result }),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/**
 * The route and its floor in alternating rounds (floor, route, floor, route…) after a warm-up of both, so the
 * machine's noise of the minute falls on both; each p99 is taken over all of its rounds' latencies.
 */
export async function measureHttp(apiUrl: string, bench: HttpBench, requests: number, warmUp: number): Promise<HttpFigures> {
  const url = `${apiUrl}${bench.path}`;
  const headers: Record<string, string> = bench.token ? { authorization: `Bearer ${bench.token}` } : {};
  // Warms the handler (module load, JIT, connections) so the figures describe a warm container.
  await load(url, headers, bench, warmUp);
  await runConcurrently(bench.floor.perRound, concurrency, bench.floor.run);
  const route: number[] = [];
  const floor: number[] = [];
  let errors = 0;
  let seconds = 0;
  for (let round = 0; round < rounds; round += 1) {
    floor.push(...(await runConcurrently(bench.floor.perRound, concurrency, bench.floor.run)));
    const started = performance.now();
    const { latencies, result } = await load(url, headers, bench, requests / rounds);
    seconds += (performance.now() - started) / 1000;
    route.push(...latencies);
    // A refused or failed answer is as much an error as a dropped connection.
    errors += result.errors + result.timeouts + result.non2xx;
  }
  const p99Ms = quantile(route, 0.99);
  const floorP99Ms = quantile(floor, 0.99);
  return {
    name: bench.name,
    concurrency,
    requests: route.length,
    p50Ms: quantile(route, 0.5),
    p99Ms,
    rps: Math.round(route.length / seconds),
    errors,
    floorP50Ms: quantile(floor, 0.5),
    floorP99Ms,
    floorRatio: p99Ms / floorP99Ms,
  };
}
