import { randomUUID } from 'node:crypto';
import { defaultPaymentWindowSeconds } from '#shared/orders/payment-window';
import { declarations } from '#functions/declarations';
import { spawnLocalRuntime } from '#infra/local/spawn-runtime';
import { systemClock } from '#shared/kernel/clock';
import { buildOrderCatalog } from '#shared/orders/dynamo-order-catalog';
import { buildOrderStore } from '#shared/orders/dynamo-order-store';
import { placeOrder } from '#shared/orders/orders';
import { PlaceOrderSchema } from '#shared/orders/schemas';
import { buildCursorCodec } from '#shared/kernel/store/pagination';
import * as z from '#shared/kernel/validation';
import { type CrowdFigures, measureCrowd } from './crowd.ts';
import { buildFloors } from './floors.ts';
import { measureFunctions } from './functions.ts';
import { measureHttp } from './http.ts';
import { localDocumentClient } from './local-client.ts';
import { type PayoutFigures, measurePayouts } from './payouts.ts';
import { orderOf, prepareHttpBenches } from './prepare.ts';
import { type BenchPart, benchParts, printReport } from './report.ts';
import { sleep } from '#infra/local/net';

/**
 * npm run bench [-- --json] [-- --only=payouts,crowd]: bundle size and cold import of every function, latency of the
 * hot routes and of concurrent payouts through the local API, each as a ratio to a floor measured in the same run,
 * interleaved with it; then a crowd on a runtime of its own. Figures, not assertions: CI does not run it.
 */
const json = process.argv.includes('--json');
const log = (line: string) => {
  if (!json) console.error(line);
};
const selected = selectedParts(process.argv);

let imports: Awaited<ReturnType<typeof measureFunctions>> | undefined;
if (selected.has('imports')) {
  log('Bundling and importing every function, each interleaved with the floor…');
  imports = await measureFunctions(declarations, 9);
}

const http = [];
let orderPlacementWcu: number | undefined;
let payouts: PayoutFigures | undefined;
if (selected.has('routes') || selected.has('payouts')) {
  log('Starting the local runtime for the HTTP benches (throttle off)…');
  // The stage throttle (100/s per route) would cap what the benches measure; the crowd below runs with it on. The
  // runtime's child takes this process's environment.
  process.env.LOCAL_THROTTLE = 'off';
  const runtime = await spawnLocalRuntime({ port: 0, seed: false });
  const floors = buildFloors(runtime.endpoints);
  try {
    if (selected.has('routes')) {
      const { benches, productIds, report } = await prepareHttpBenches(runtime.endpoints.apiUrl, runtime.endpoints, floors);
      for (const bench of benches) {
        log(`Loading ${bench.name}, interleaved with its floor…`);
        // Fewer placements to warm up: each takes DynamoDB Local's transaction queue, ~40 a second.
        http.push(await measureHttp(runtime.endpoints.apiUrl, bench, 4000, bench.bodies ? 1000 : 3000));
      }
      orderPlacementWcu = await placementCapacity(runtime.endpoints, productIds);
      log(await projectionCheck(runtime.endpoints.apiUrl, report));
    }
    if (selected.has('payouts')) {
      log('16 facilitators paying one seller at once, round by round, interleaved with the bare transaction…');
      payouts = await measurePayouts(runtime.endpoints.apiUrl, runtime.endpoints, floors.payout);
    }
  } finally {
    floors.destroy();
    await runtime.stop();
  }
}

let crowd: CrowdFigures | undefined;
if (selected.has('crowd')) {
  log('Starting a runtime of its own for the crowd (throttle as deployed)…');
  delete process.env.LOCAL_THROTTLE;
  const crowdRuntime = await spawnLocalRuntime({ port: 0, seed: false });
  try {
    log('1,000 buyers at once for 100 units…');
    crowd = await measureCrowd(crowdRuntime.endpoints.apiUrl);
  } finally {
    await crowdRuntime.stop();
  }
}

printReport({ floor: imports?.floor, functions: imports?.functions ?? [], http, orderPlacementWcu, payouts, crowd }, json);
// A payout race that overdrew the balance, or lost a payout, is a fault, not a figure.
if (payouts && !payouts.balanceHolds) process.exitCode = 1;

/** `--only=<part>,…` runs just those parts (e.g. to measure one change); every part by default. */
function selectedParts(argv: readonly string[]): ReadonlySet<BenchPart> {
  const only = argv
    .find((arg) => arg.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  if (!only) return new Set(benchParts);
  const unknown = only.filter((name) => !(benchParts as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`--only: no part ${unknown.join(', ')}; the parts are ${benchParts.join(', ')}`);
  return new Set(only as BenchPart[]);
}

/**
 * The write capacity one order placement consumes (one product, one seller): the same use-case and store as the
 * handler, called directly so the transaction can ask for ReturnConsumedCapacity without the route returning it.
 */
async function placementCapacity(endpoints: { dynamoEndpoint: string; tableName: string }, productIds: string[]) {
  const { doc, destroy } = localDocumentClient(endpoints);
  let units = Number.NaN;
  const deps = {
    orders: buildOrderStore(doc, endpoints.tableName, buildCursorCodec('bench'), { onConsumedCapacity: (wcu) => (units = wcu) }),
    catalog: buildOrderCatalog(doc, endpoints.tableName),
    clock: systemClock,
    // This placement measures capacity; it is not one of the orders operators count.
    counter: { increment: () => undefined },
    paymentWindowSeconds: defaultPaymentWindowSeconds,
  };
  await placeOrder(
    deps,
    { sub: 'bench-capacity', roles: ['buyer'] },
    randomUUID(),
    z.parse(PlaceOrderSchema, orderOf(productIds[0] as string)),
  );
  destroy();
  return units;
}

/**
 * Whether the report projection kept up with the POST /orders bench, whose every order is an OrderPlaced on the
 * same two bucket items: once the bus is idle, today's `placed` should be the seeded 5 plus every order placed.
 */
async function projectionCheck(apiUrl: string, report: { groupId: string; token: string }) {
  const get = async (path: string, token?: string) =>
    (await (await fetch(`${apiUrl}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {})).json()) as Record<
      string,
      unknown
    >;
  for (let waited = 0; (await get('/_local/bus')).pending !== 0 && waited < 120_000; waited += 500) {
    await sleep(500);
  }
  const today = new Date().toISOString().slice(0, 10);
  const figures = await get(`/reports/groups/${report.groupId}?from=${today}&to=${today}`, report.token);
  const deadLetters = ((await get('/_local/dead-letters')).items as unknown[]).length;
  return `report projection after the benches: today's orders.placed ${JSON.stringify((figures.orders as { placed: number }).placed)} (5 seeded + the orders placed), dead letters ${deadLetters}`;
}
