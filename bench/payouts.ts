import { randomUUID } from 'node:crypto';
import { callApi, callApiOrThrow, issueToken } from '#infra/local/api-client';
import { sleep } from '#infra/local/net';
import { buildEarningsLedger } from '#shared/earnings/dynamo-earnings-ledger';
import { quantile, runConcurrently } from './latencies.ts';
import { localDocumentClient } from './local-client.ts';
import { listedProducts, orderOf } from './prepare.ts';

export interface PayoutFigures {
  name: string;
  concurrency: number;
  /** measured rounds, each `concurrency` payouts at once, after the warm-up rounds */
  rounds: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  /** answers of the measured rounds by kind: 201 paid, 422 over the balance, anything else an error */
  created: number;
  refused: number;
  errors: number;
  errorStatuses: Record<string, number>;
  /** the bare five-item transaction's, in rounds interleaved with the payouts' */
  floorP50Ms: number;
  floorP99Ms: number;
  /** p99Ms / floorP99Ms */
  floorRatio: number;
  /** over every round, warm-up included, from the participant's balance item (strongly consistent) */
  creditedIdr: number;
  paidOutIdr: number;
  /** what the 201s paid, summed by the bench */
  paidByAnswersIdr: number;
  balanceIdr: number;
  lowestBalanceIdr: number;
  /** never below 0 after any round, and equal to credited − the 201s' payouts at the end */
  balanceHolds: boolean;
}

const concurrency = 16;
const warmUpRounds = 3;
const rounds = 30;
const payoutIdr = 20_000;
// Each round's order: two bags of 85,000, of which the seller earns 80 %. With what earlier rounds left, the
// balance covers 6 or 7 of the 16 payouts, so every round has payouts that fit and payouts that do not.
const orderQuantity = 2;
const creditPerRoundIdr = (orderQuantity * 85_000 * 80) / 100;

/** Until the bus and the table stream are idle: the consumers of the round before are not measured with this one. */
async function untilIdle(apiUrl: string) {
  for (let waited = 0; waited < 60_000; waited += 100) {
    const status = (await callApi(apiUrl, 'GET', '/_local/bus')).body as { pending: number; stream: { pending: number } };
    if (status.pending === 0 && status.stream.pending === 0) return;
    await sleep(100);
  }
  throw new Error('The local bus never went idle');
}

/**
 * 16 facilitators of a group record payouts at once, each with an Idempotency-Key of their own, to ONE seller whose
 * balance covers some of them: they race on the one balance item, whose conditional update decides. Each round
 * first credits the seller one delivered order through the API (as a buyer and the group's facilitator do) and
 * waits for the credit and every consumer to settle, then runs a round of the floor (the bare five-item
 * transaction, as many at the same concurrency) and the round of payouts, interleaved as every HTTP bench is.
 */
export async function measurePayouts(
  apiUrl: string,
  endpoints: { dynamoEndpoint: string; tableName: string },
  floor: () => Promise<unknown>,
): Promise<PayoutFigures> {
  const admin = await issueToken(apiUrl, { sub: 'payouts-admin', roles: ['admin'] });
  const officer = await issueToken(apiUrl, { sub: 'payouts-officer', roles: ['officer'] });
  const group = await callApiOrThrow(apiUrl, 'POST', '/groups', {
    token: admin,
    body: { name: 'Payouts Group', focus: 'Benchmarks', district: 'Mataram' },
  });
  const [productId] = await listedProducts(apiUrl, group.id, officer, 1, 100_000);
  const sellerId = (await callApiOrThrow(apiUrl, 'GET', `/products/${productId}`)).participantId as string;
  const buyer = await issueToken(apiUrl, { sub: 'payouts-buyer', roles: ['buyer'] });
  const facilitators = await Promise.all(
    Array.from({ length: concurrency }, (_, n) =>
      issueToken(apiUrl, { sub: `payouts-facilitator-${n}`, roles: ['facilitator'], groupId: group.id }),
    ),
  );
  const { doc, destroy } = localDocumentClient(endpoints);
  const ledger = buildEarningsLedger(doc, endpoints.tableName);
  const order = { ...orderOf(productId as string), items: [{ productId, quantity: orderQuantity }] };
  const paidOn = new Date().toISOString().slice(0, 10);

  const credit = async (expectedIdr: number) => {
    const placed = await callApiOrThrow(apiUrl, 'POST', '/orders', {
      token: buyer,
      body: order,
      headers: { 'idempotency-key': randomUUID() },
    });
    const steps = [
      ['payment', facilitators[0], { method: 'cash', reference: 'BENCH' }],
      ['shipment', facilitators[0], { courier: 'jne', trackingNumber: 'BENCH' }],
      ['delivery', buyer, undefined],
    ] as const;
    for (const [step, token, body] of steps) await callApiOrThrow(apiUrl, 'POST', `/orders/${placed.id}/${step}`, { token, body });
    for (let waited = 0; ((await ledger.balanceOf(sellerId))?.creditedIdr ?? 0) < expectedIdr; waited += 50) {
      if (waited > 30_000) throw new Error('The seller was never credited');
      await sleep(50);
    }
    await untilIdle(apiUrl);
  };
  const payoutRound = () =>
    Promise.all(
      facilitators.map(async (token, n) => {
        const sent = performance.now();
        const response = await callApi(apiUrl, 'POST', `/participants/${sellerId}/payouts`, {
          token,
          headers: { 'idempotency-key': randomUUID() },
          body: { amountIdr: payoutIdr, method: 'cash', reference: `BENCH-${n}`, paidOn },
        });
        return { status: response.status, ms: performance.now() - sent };
      }),
    );

  const latencies: number[] = [];
  const floorLatencies: number[] = [];
  const statuses: number[] = [];
  let paidByAnswersIdr = 0;
  let lowestBalanceIdr = Number.POSITIVE_INFINITY;
  try {
    for (let round = 0; round < warmUpRounds + rounds; round += 1) {
      await credit((round + 1) * creditPerRoundIdr);
      const measured = round >= warmUpRounds;
      const floorRound = await runConcurrently(concurrency, concurrency, floor);
      const answers = await payoutRound();
      paidByAnswersIdr += answers.filter((answer) => answer.status === 201).length * payoutIdr;
      lowestBalanceIdr = Math.min(lowestBalanceIdr, (await ledger.balanceOf(sellerId))?.availableIdr ?? 0);
      if (!measured) continue;
      floorLatencies.push(...floorRound);
      latencies.push(...answers.map((answer) => answer.ms));
      statuses.push(...answers.map((answer) => answer.status));
    }
    const balance = await ledger.balanceOf(sellerId);
    const creditedIdr = balance?.creditedIdr ?? 0;
    const balanceIdr = balance?.availableIdr ?? 0;
    const p99Ms = quantile(latencies, 0.99);
    const floorP99Ms = quantile(floorLatencies, 0.99);
    const others = statuses.filter((status) => status !== 201 && status !== 422);
    return {
      name: 'POST /participants/{id}/payouts (one seller)',
      concurrency,
      rounds,
      requests: latencies.length,
      p50Ms: quantile(latencies, 0.5),
      p99Ms,
      created: statuses.filter((status) => status === 201).length,
      refused: statuses.filter((status) => status === 422).length,
      errors: others.length,
      errorStatuses: others.reduce<Record<string, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {}),
      floorP50Ms: quantile(floorLatencies, 0.5),
      floorP99Ms,
      floorRatio: p99Ms / floorP99Ms,
      creditedIdr,
      paidOutIdr: balance?.paidOutIdr ?? 0,
      paidByAnswersIdr,
      balanceIdr,
      lowestBalanceIdr,
      balanceHolds:
        lowestBalanceIdr >= 0 &&
        creditedIdr === (warmUpRounds + rounds) * creditPerRoundIdr &&
        balanceIdr === creditedIdr - paidByAnswersIdr &&
        balance?.paidOutIdr === paidByAnswersIdr,
    };
  } finally {
    destroy();
  }
}
