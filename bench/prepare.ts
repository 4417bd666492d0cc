import { callApiOrThrow, issueToken } from '#infra/local/api-client';
import type { buildFloors } from './floors.ts';
import type { HttpBench } from './http.ts';
import { seedReportYear } from './report-buckets.ts';
import { sleep } from '#infra/local/net';

const post = (apiUrl: string, path: string, body: unknown, token?: string) =>
  callApiOrThrow(apiUrl, 'POST', path, { body, ...(token ? { token } : {}) });

/** The records the benches read, made through the API like any client would. */
export async function prepareHttpBenches(
  apiUrl: string,
  endpoints: { dynamoEndpoint: string; tableName: string },
  floors: ReturnType<typeof buildFloors>,
): Promise<{ benches: HttpBench[]; productIds: string[]; report: { groupId: string; token: string } }> {
  const admin = await issueToken(apiUrl, { sub: 'bench-admin', roles: ['admin'] });
  const officer = await issueToken(apiUrl, { sub: 'bench-officer', roles: ['officer'] });
  const group = await post(apiUrl, '/groups', { name: 'Bench Group', focus: 'Benchmarks', district: 'Mataram' }, admin);
  const participant = await post(
    apiUrl,
    '/participants',
    {
      legalName: 'Bench Participant',
      registerNumber: 'BENCH-1',
      groupId: group.id,
      supervisionEndsOn: '2027-12-31',
      phone: '081234567890',
    },
    officer,
  );
  const products = await listedProducts(apiUrl, group.id as string, officer, 20, 100_000);
  const buyer = await issueToken(apiUrl, { sub: 'bench-buyer', roles: ['buyer'] });
  const facilitator = await issueToken(apiUrl, { sub: 'bench-facilitator', roles: ['facilitator'], groupId: group.id });
  const year = await seedReportYear(endpoints, group.id as string);
  const reportPath = (range: { from: string; to: string }) => `/reports/groups/${group.id}?from=${range.from}&to=${range.to}`;
  // Each read's floor, a request's worth of it per call: as many calls a round as the route gets requests.
  const read = (run: () => Promise<unknown>) => ({ run, perRound: 1000 });
  const benches: HttpBench[] = [
    { name: 'GET /groups/{id}', path: `/groups/${group.id}`, floor: read(floors.group(group.id as string)) },
    {
      name: 'GET /participants/{id}',
      path: `/participants/${participant.id}`,
      token: officer,
      floor: read(floors.participant(participant.id as string, { sub: 'bench-officer', roles: ['officer'] })),
    },
    { name: 'GET /products?groupId=', path: `/products?groupId=${group.id}`, floor: read(floors.productPage(group.id as string)) },
    { name: 'GET /products/{id}', path: `/products/${products[0]}`, floor: read(floors.product(products[0] as string)) },
    // A year of reports: the twelve months to this one are twelve month buckets, one Query.
    {
      name: 'GET /reports/{id} (12 months)',
      path: reportPath(year.twelveMonths),
      token: facilitator,
      floor: read(floors.report(group.id as string, year.twelveMonths)),
    },
    // 365 days back from today: the partial edge months by day (~30 items, two Queries), eleven months by month.
    {
      name: 'GET /reports/{id} (365 days)',
      path: reportPath(year.days365),
      token: facilitator,
      floor: read(floors.report(group.id as string, year.days365)),
    },
    // One product an order, round robin over the 20 (20 × 100,000 in stock). The floor is far quicker a call, so
    // a round of it is a quarter as many transactions as the route's round has orders.
    {
      name: 'POST /orders (1 product)',
      path: '/orders',
      token: buyer,
      bodies: products.map((productId) => orderOf(productId)),
      floor: { run: floors.placement, perRound: 250 },
    },
  ];
  return { benches, productIds: products, report: { groupId: group.id as string, token: facilitator } };
}

/** An order of one of a product, as a buyer sends it. */
export function orderOf(productId: string) {
  return {
    items: [{ productId, quantity: 1 }],
    shipping: { recipientName: 'Bench Buyer', phone: '081234567892', address: 'Jl. Bench 1', city: 'Mataram', postalCode: '83121' },
  };
}

/**
 * Listed products of one seller, each with this stock: an eligible seller needs a completed one-session
 * training, whose event makes them eligible a moment later.
 */
export async function listedProducts(apiUrl: string, groupId: string, officer: string, count: number, stock: number): Promise<string[]> {
  const seller = await post(
    apiUrl,
    '/participants',
    { legalName: 'Bench Seller', registerNumber: 'BENCH-2', groupId, supervisionEndsOn: '2027-12-31', phone: '081234567891' },
    officer,
  );
  const facilitator = await issueToken(apiUrl, { sub: 'bench-facilitator', roles: ['facilitator'], groupId });
  const program = await post(
    apiUrl,
    '/programs',
    { groupId, title: 'Bench', description: 'Bench', skills: ['bench'], sessionsRequired: 1 },
    facilitator,
  );
  const enrollment = await post(
    apiUrl,
    `/programs/${program.id}/enrollments`,
    { participantId: seller.id, assessment: { motivation: 3, notes: '' } },
    facilitator,
  );
  await post(apiUrl, `/enrollments/${enrollment.id}/attendance`, { date: '2026-11-02', present: true }, facilitator);
  await post(apiUrl, `/enrollments/${enrollment.id}/completion`, { score: 80 }, facilitator);
  const token = await issueToken(apiUrl, { sub: 'bench-seller', roles: ['participant'], participantId: seller.id });
  const product = {
    title: 'Tas',
    description: 'Bench',
    category: 'tas',
    priceIdr: 85_000,
    stock,
    materials: [{ material: 'plastik', grams: 100 }],
  };
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await eventuallyCreated(apiUrl, product, token);
    await post(apiUrl, `/products/${created}/listing`, {}, token);
    ids.push(created);
  }
  return ids;
}

async function eventuallyCreated(apiUrl: string, product: unknown, token: string): Promise<string> {
  // Up to 30 s: on a loaded machine the consumer can take seconds.
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      return (await post(apiUrl, '/products', product, token)).id as string;
    } catch (error) {
      // 403 until the TrainingCompleted consumer has made the seller eligible.
      if (!String(error).includes(' answered 403 ')) throw error;
      await sleep(100);
    }
  }
  throw new Error('The bench seller never became eligible');
}
