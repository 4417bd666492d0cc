import { randomUUID } from 'node:crypto';
import { callApi, callApiOrThrow, issueToken } from '#infra/local/api-client';
import { quantile } from './latencies.ts';
import { listedProducts, orderOf } from './prepare.ts';
import { sleep } from '#infra/local/net';

export interface CrowdFigures {
  buyers: number;
  stock: number;
  /** how many first answers had each status */
  firstAnswers: Record<string, number>;
  /** how many answers each status had once every buyer had retried as told (the last answer a buyer got) */
  finalAnswers: Record<string, number>;
  firstP50Ms: number;
  firstP99Ms: number;
  /** distinct orders among the buyers' successful answers: what buyers were told they bought */
  sold: number;
  /** once the table is still: units gone from stock (a placement that committed after its answer failed counts here only) */
  unitsTaken: number;
  stockLeft: number;
  /** exactly `stock` sold, every unit taken told to its buyer, none left */
  soldOut: boolean;
  /** requests sent in all, retries included */
  attempts: number;
  seconds: number;
}

const buyers = 1000;
const stock = 100;
// A buyer's patience: a client library's retry budget, not a wait that could hold the bench for minutes.
const maxAttempts = 12;
const retried = new Set([429, 503]);

const count = (statuses: number[]) =>
  statuses.reduce<Record<string, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

/** As a client is told: Retry-After's seconds when the answer has it, else an exponential backoff with full jitter. */
function retryDelayMs(response: { headers: Headers }, attempt: number): number {
  const after = Number(response.headers.get('retry-after'));
  if (Number.isFinite(after) && after > 0) return after * 1000;
  return Math.random() * Math.min(5000, 200 * 2 ** attempt);
}

/**
 * A crowd: 1,000 buyers at once for the 100 units of one product, each with an Idempotency-Key of their own, who
 * retry 429 and 503 with that same key as told. Run on a runtime of its own with the stage throttle on, as deployed.
 */
export async function measureCrowd(apiUrl: string): Promise<CrowdFigures> {
  const admin = await issueToken(apiUrl, { sub: 'crowd-admin', roles: ['admin'] });
  const officer = await issueToken(apiUrl, { sub: 'crowd-officer', roles: ['officer'] });
  const group = await callApiOrThrow(apiUrl, 'POST', '/groups', {
    token: admin,
    body: { name: 'Crowd Group', focus: 'Benchmarks', district: 'Mataram' },
  });
  const [productId] = await listedProducts(apiUrl, group.id, officer, 1, stock);
  const body = orderOf(productId as string);
  const tokens = await Promise.all(
    Array.from({ length: buyers }, (_, n) => issueToken(apiUrl, { sub: `crowd-buyer-${n}`, roles: ['buyer'] })),
  );

  const firstLatencies: number[] = [];
  const first: number[] = [];
  const final: number[] = [];
  const orders = new Set<string>();
  let attempts = 0;
  const started = performance.now();
  await Promise.all(
    tokens.map(async (token) => {
      const headers = { 'idempotency-key': randomUUID() };
      for (let attempt = 1; ; attempt += 1) {
        const sent = performance.now();
        attempts += 1;
        const response = await callApi(apiUrl, 'POST', '/orders', { token, body, headers });
        if (attempt === 1) {
          firstLatencies.push(performance.now() - sent);
          first.push(response.status);
        }
        if (!retried.has(response.status) || attempt === maxAttempts) {
          final.push(response.status);
          if (response.status >= 200 && response.status < 300) orders.add(response.body.id as string);
          return;
        }
        await sleep(retryDelayMs(response, attempt));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const stockLeft = await settledStock(apiUrl, productId as string);
  return {
    buyers,
    stock,
    firstAnswers: count(first),
    finalAnswers: count(final),
    firstP50Ms: quantile(firstLatencies, 0.5),
    firstP99Ms: quantile(firstLatencies, 0.99),
    sold: orders.size,
    unitsTaken: stock - stockLeft,
    stockLeft,
    soldOut: orders.size === stock && stockLeft === 0,
    attempts,
    seconds: Math.round(seconds * 10) / 10,
  };
}

/** The product's stock once it has stopped moving: a placement whose answer timed out may still commit after it. */
async function settledStock(apiUrl: string, productId: string): Promise<number> {
  const read = async () => (await callApiOrThrow(apiUrl, 'GET', `/products/${productId}`)).stock as number;
  let last = await read();
  for (let waited = 0; waited < 30_000; waited += 2000) {
    await sleep(2000);
    const now = await read();
    if (now === last) return now;
    last = now;
  }
  return last;
}
