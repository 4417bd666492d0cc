import type { Context, EventBridgeEvent } from 'aws-lambda';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EarningsCredited } from '#events/earnings-credited';
import { EarningsReversed } from '#events/earnings-reversed';
import { OrderCancelled } from '#events/order-cancelled';
import { OrderDelivered } from '#events/order-delivered';
import { OrderRefunded } from '#events/order-refunded';
import { buildEarningsLedger } from '#shared/earnings/dynamo-earnings-ledger';
import { buildEarningsSources } from '#shared/earnings/dynamo-earnings-sources';
import { logger } from '#shared/kernel/observability/logger';
import { orderKey } from '#shared/kernel/store/keys';
import { buildParticipantDirectory } from '#shared/participants/dynamo-participant-directory';
import { fixedClock } from '#test/support/fakes/clock';
import { eventBridgeEvent } from '#test/support/fakes/eventbridge-event';
import { lambdaContext } from '#test/support/fakes/lambda-context';
import { storedOrder } from '#test/support/table/earning-orders';
import { localTable } from '#test/support/table/local-table';
import { outboxRowsFor } from '#test/support/table/outbox-rows';

type Handler = (event: EventBridgeEvent<string, unknown>, context: Context) => Promise<void>;

const { doc, table } = localTable();
const ledger = buildEarningsLedger(doc, table);
const sources = buildEarningsSources(doc, table, buildParticipantDirectory(doc, table));
const at = '2026-12-03T02:00:00.000Z';
const deps = { ledger, sources, clock: fixedClock(at) };

let credit: Handler;
let reverse: Handler;
beforeAll(async () => {
  // The modules build their default dependencies when they load; they must find a table name (they are not used).
  vi.stubEnv('TABLE_NAME', table);
  vi.stubEnv('AWS_REGION', 'ap-southeast-3');
  credit = (await import('#functions/earnings/credit-earnings/handler')).buildHandler(deps);
  reverse = (await import('#functions/earnings/reverse-earnings/handler')).buildHandler(deps);
});
afterAll(() => vi.unstubAllEnvs());

const context = lambdaContext('reverse-earnings');
const deliveredEvent = (order: { id: string; groupId: string }) =>
  eventBridgeEvent(OrderDelivered, { orderId: order.id, groupId: order.groupId }, at);
const refundedEvent = (order: { id: string; groupId: string }) =>
  eventBridgeEvent(OrderRefunded, { orderId: order.id, groupId: order.groupId, totalIdr: 182_350, method: 'bank_transfer' }, at);
const cancelledEvent = (order: { id: string; groupId: string }) =>
  eventBridgeEvent(OrderCancelled, { orderId: order.id, groupId: order.groupId, reason: 'buyer_request' }, at);

const eventData = async (orderId: string, detailType: string) =>
  (await outboxRowsFor(doc, table, orderId, detailType)).map((row) => (row.detail as { data: unknown }).data);

/** What every participant of the order holds once a credit and its reversal are both in: nothing, and two events each. */
async function expectNetZero(order: { id: string }, siti: string, wira: string) {
  for (const participantId of [siti, wira]) {
    const balance = await ledger.balanceOf(participantId);
    expect(balance?.availableIdr).toBe(0);
    expect(balance?.creditedIdr).toBe(balance?.reversedIdr);
  }
  expect(await ledger.balanceOf(siti)).toMatchObject({ creditedIdr: 136_002, reversedIdr: 136_002, monthNetIdr: { '2026-12': 0 } });
  const lines = await ledger.linesOf(siti);
  expect(lines.map((line) => [line.kind, line.amountIdr]).sort()).toEqual([
    ['credit', 136_000],
    ['credit', 2],
    ['reversal', -136_000],
    ['reversal', -2],
  ]);
  expect(await eventData(order.id, EarningsCredited.detailType)).toEqual(
    expect.arrayContaining([
      { participantId: siti, orderId: order.id, amountIdr: 136_002 },
      { participantId: wira, orderId: order.id, amountIdr: 9_878 },
    ]),
  );
  expect(await eventData(order.id, EarningsReversed.detailType)).toEqual(
    expect.arrayContaining([
      { participantId: siti, orderId: order.id, amountIdr: 136_002 },
      { participantId: wira, orderId: order.id, amountIdr: 9_878 },
    ]),
  );
  expect(await outboxRowsFor(doc, table, order.id, EarningsCredited.detailType)).toHaveLength(2);
  expect(await outboxRowsFor(doc, table, order.id, EarningsReversed.detailType)).toHaveLength(2);
}

describe('reversing earnings (OrderRefunded, OrderCancelled) against DynamoDB Local', () => {
  it('reverses every credited share once when the refund comes after the credit, and again changes nothing', async () => {
    // Prepare: credited while delivered, then refunded
    const { order, siti, wira } = await storedOrder(doc, table, 'delivered');
    await credit(deliveredEvent(order), context);
    await doc.send(
      new UpdateCommand({
        TableName: table,
        Key: orderKey(order.id),
        UpdateExpression: 'SET #status = :refunded',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':refunded': 'refunded' },
      }),
    );
    const refund = refundedEvent(order);

    // Act: the refund, then its duplicate
    await reverse(refund, context);
    await reverse(refund, context);

    // Assert
    await expectNetZero(order, siti, wira);
    const wiraLines = await ledger.linesOf(wira);
    expect(wiraLines.map(({ kind, amountIdr, orderId, productId }) => ({ kind, amountIdr, orderId, productId }))).toEqual([
      { kind: 'credit', amountIdr: 9_878, orderId: order.id, productId: order.items[1]?.productId },
      { kind: 'reversal', amountIdr: -9_878, orderId: order.id, productId: order.items[1]?.productId },
    ]);
  });

  it('writes the credit with its reversal when the refund comes first, once however often either event repeats', async () => {
    // Prepare: delivered, refunded, and OrderDelivered late
    const { order, siti, wira } = await storedOrder(doc, table, 'refunded');

    // Act
    await reverse(refundedEvent(order), context);
    const beforeCredit = await ledger.balanceOf(siti);
    await credit(deliveredEvent(order), context);
    await credit(deliveredEvent(order), context);
    await reverse(refundedEvent(order), context);

    // Assert
    expect(beforeCredit).toBeUndefined();
    await expectNetZero(order, siti, wira);
  });

  it('ends at zero with one credit and one reversal when both events and their duplicates race', async () => {
    // Prepare
    const { order, siti, wira } = await storedOrder(doc, table, 'refunded');

    // Act
    await Promise.all([
      credit(deliveredEvent(order), context),
      reverse(refundedEvent(order), context),
      credit(deliveredEvent(order), context),
      reverse(refundedEvent(order), context),
    ]);

    // Assert
    await expectNetZero(order, siti, wira);
  });

  it('marks a cancelled order that was never credited, and takes nothing from anyone', async () => {
    // Prepare
    const { order, siti } = await storedOrder(doc, table, 'cancelled');

    // Act
    await reverse(cancelledEvent(order), context);
    await reverse(cancelledEvent(order), context);
    await credit(deliveredEvent(order), context);

    // Assert
    expect(await ledger.balanceOf(siti)).toBeUndefined();
    expect(await ledger.linesOf(siti)).toEqual([]);
    expect(await outboxRowsFor(doc, table, order.id, EarningsReversed.detailType)).toEqual([]);
    expect(await outboxRowsFor(doc, table, order.id, EarningsCredited.detailType)).toEqual([]);
  });

  it('takes the OrderRefunded of a paid order cancelled with its refund as the reversal, not as a stray event', async () => {
    // Prepare: the cancellation wrote OrderCancelled and OrderRefunded; the refund arrives first
    const { order, siti } = await storedOrder(doc, table, 'cancelled');
    const info = vi.spyOn(logger, 'info');
    const warn = vi.spyOn(logger, 'warn');

    // Act
    await reverse(refundedEvent(order), context);
    await reverse(cancelledEvent(order), context);

    // Assert
    const outcomes = (spy: typeof info) =>
      spy.mock.calls.flatMap(([, fields]) => ((fields as { orderId?: string })?.orderId === order.id ? [fields] : []));
    expect(outcomes(info)).toEqual([
      { orderId: order.id, groupId: order.groupId, outcome: 'nothing-credited' },
      { orderId: order.id, groupId: order.groupId, outcome: 'already-reversed' },
    ]);
    expect(outcomes(warn)).toEqual([]);
    expect(await ledger.balanceOf(siti)).toBeUndefined();
    info.mockRestore();
    warn.mockRestore();
  });

  it('refuses, without retrying, a refund for an order that is not refunded or of another group', async () => {
    // Prepare
    const { order, siti } = await storedOrder(doc, table, 'delivered');
    await credit(deliveredEvent(order), context);

    // Act
    const notRefunded = reverse(refundedEvent(order), context);
    const otherGroup = reverse(refundedEvent({ id: order.id, groupId: `grp_${'0'.repeat(26)}` }), context);

    // Assert
    await expect(notRefunded).resolves.toBeUndefined();
    await expect(otherGroup).resolves.toBeUndefined();
    expect(await ledger.balanceOf(siti)).toMatchObject({ creditedIdr: 136_002, reversedIdr: 0, availableIdr: 136_002 });
    expect(await outboxRowsFor(doc, table, order.id, EarningsReversed.detailType)).toEqual([]);
  });
});
