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
}

const concurrency = 16;

/** Warms the handler (module load, JIT, connections) so the figures describe a warm container. */
async function warmUp(url: string, headers: Record<string, string>) {
  await autocannon({ url, headers, connections: 16, amount: 3000 });
}

export async function measureHttp(apiUrl: string, bench: HttpBench, requests: number): Promise<HttpFigures> {
  const url = `${apiUrl}${bench.path}`;
  const headers: Record<string, string> = bench.token ? { authorization: `Bearer ${bench.token}` } : {};
  await warmUp(url, headers);
  const result = await autocannon({ url, headers, connections: concurrency, amount: requests });
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
