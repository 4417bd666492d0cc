import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { defaultPaymentWindowSeconds } from '#shared/orders/payment-window';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import placeOrderFunction from '#functions/orders/place-order/function';
import { httpHandler } from '#shared/kernel/http/http-handler';
import { newId } from '#shared/kernel/ids';
import { MetricName } from '#shared/kernel/observability/metric-names';
import { countAnswer, emfCounter } from '#shared/kernel/observability/metrics';
import type { OrdersDeps } from '#shared/orders/orders';
import { placeOrder } from '#shared/orders/orders';
import type { OrderableProduct } from '#shared/orders/ports';
import { fixedClock } from '#test/support/fakes/clock';
import { recordingCounter } from '#test/support/fakes/counter';
import { lambdaContext } from '#test/support/fakes/lambda-context';
import { fakeOrders } from '#test/support/fakes/orders';

interface EmfLine {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
  [key: string]: unknown;
}

/** The EMF lines Powertools writes to stdout while `act` runs (vitest.config.ts disables them elsewhere). */
async function emfLinesOf(act: () => Promise<unknown>): Promise<EmfLine[]> {
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  const written: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await act();
  } finally {
    write.mockRestore();
    vi.unstubAllEnvs();
  }
  return written
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as EmfLine);
}

const countsIn = (lines: EmfLine[]) =>
  lines.flatMap((line) => line._aws.CloudWatchMetrics.flatMap((set) => set.Metrics.map(({ Name }) => Name)));

const product: OrderableProduct = {
  id: newId('prd'),
  participantId: newId('prt'),
  groupId: newId('grp'),
  title: 'Tas anyaman',
  priceIdr: 85_000,
  stock: 1,
  status: 'listed',
};
const shipping = { recipientName: 'Budi', phone: '081234567890', address: 'Jl. Pejanggik 10', city: 'Mataram', postalCode: '83121' };

/** POST /orders as the deployed function runs it: its declared route, the house wrapper, the use-case, counting for real. */
function placeOrderHandler(deps: OrdersDeps) {
  return httpHandler(placeOrderFunction.trigger.route, ({ caller, headers, body }) =>
    placeOrder(deps, caller, headers['idempotency-key'], body),
  );
}

function request(key: string, quantity: number): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /orders',
    rawPath: '/orders',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ items: [{ productId: product.id, quantity }], shipping }),
    isBase64Encoded: false,
    requestContext: {
      authorizer: { jwt: { claims: { sub: 'buyer-1', 'cognito:groups': '[buyer]' }, scopes: null } },
    } as unknown as APIGatewayProxyEventV2['requestContext'],
  };
}

describe('the counts POST /orders writes', () => {
  let deps: OrdersDeps;
  beforeEach(() => {
    const fakes = fakeOrders([product]);
    deps = {
      orders: fakes.store,
      catalog: fakes.catalog,
      clock: fixedClock(),
      counter: emfCounter,
      paymentWindowSeconds: defaultPaymentWindowSeconds,
    };
  });
  afterEach(() => vi.restoreAllMocks());

  const answer = async (handle: ReturnType<typeof placeOrderHandler>, event: APIGatewayProxyEventV2) =>
    ((await handle(event, lambdaContext('place-order'))) as APIGatewayProxyStructuredResultV2).statusCode;

  it('writes one OrderPlaced line for a 201, in the platform namespace with only service and stage as dimensions', async () => {
    let status: number | undefined;

    const lines = await emfLinesOf(async () => (status = await answer(placeOrderHandler(deps), request('key-1', 1))));

    expect(status).toBe(201);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      _aws: {
        CloudWatchMetrics: [
          { Namespace: 'PasKreatif', Dimensions: [['service', 'stage']], Metrics: [{ Name: 'OrderPlaced', Unit: 'Count' }] },
        ],
      },
      service: 'pas-kreatif',
      stage: 'test',
      OrderPlaced: 1,
    });
  });

  it('writes SoldOut, and nothing else, for a 409 for stock', async () => {
    let status: number | undefined;

    const lines = await emfLinesOf(async () => (status = await answer(placeOrderHandler(deps), request('key-1', 2))));

    expect(status).toBe(409);
    expect(countsIn(lines)).toEqual([MetricName.soldOut]);
  });

  it('writes nothing for a replayed key: the order was counted when it was placed', async () => {
    const handle = placeOrderHandler(deps);
    await answer(handle, request('key-1', 1));

    const lines = await emfLinesOf(() => answer(handle, request('key-1', 1)));

    expect(lines).toEqual([]);
  });

  it('writes Fault for a 500, whatever the bug', async () => {
    const broken = { ...deps, catalog: { products: () => Promise.reject(new TypeError('undefined is not a function')) } };
    let status: number | undefined;

    const lines = await emfLinesOf(async () => (status = await answer(placeOrderHandler(broken), request('key-1', 1))));

    expect(status).toBe(500);
    expect(countsIn(lines)).toEqual([MetricName.fault]);
  });
});

describe('the counts an answer stands for', () => {
  it.each([
    [503, [MetricName.dependencyUnavailable]],
    [500, [MetricName.fault]],
    [502, [MetricName.fault]],
    [200, []],
    [201, []],
    [400, []],
    [404, []],
    [409, []],
    [422, []],
  ])('%i counts %j', (status, expected) => {
    const { counter, counted } = recordingCounter();

    countAnswer(counter, status);

    expect(counted).toEqual(expected);
  });
});
