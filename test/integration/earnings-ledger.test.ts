import type { Context, EventBridgeEvent } from 'aws-lambda';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EarningsCredited } from '#events/earnings-credited';
import { OrderDelivered } from '#events/order-delivered';
import { buildEarningsLedger } from '#shared/earnings/dynamo-earnings-ledger';
import { buildEarningsSources } from '#shared/earnings/dynamo-earnings-sources';
import { creditFor } from '#shared/earnings/earnings';
import type { DeliveredOrder } from '#shared/earnings/ports';
import { newId } from '#shared/kernel/ids';
import { orderEarningsGuardKey, orderKey } from '#shared/kernel/store/keys';
import { storedOrder as storedOrderIn } from '#test/support/table/earning-orders';
import { localTable } from '#test/support/table/local-table';
import { fixedClock } from '#test/support/fakes/clock';
import { outboxRowsFor } from '#test/support/table/outbox-rows';
import { eventBridgeEvent } from '#test/support/fakes/eventbridge-event';
import { lambdaContext } from '#test/support/fakes/lambda-context';
import { buildParticipantDirectory } from '#shared/participants/dynamo-participant-directory';

const { doc, table } = localTable();
const ledger = buildEarningsLedger(doc, table);
const sources = buildEarningsSources(doc, table, buildParticipantDirectory(doc, table));
const at = '2026-11-28T05:36:47.000Z';

const storedOrder = (status?: string, sharePercent?: number) => storedOrderIn(doc, table, status, sharePercent);

async function creditOf(orderId: string) {
  const read = (await sources.order(orderId)) as DeliveredOrder;
  return creditFor(read, (await sources.sharePercentOf(read.groupId)) as number, at);
}

const totalOf = async (participantId: string) => (await ledger.balanceOf(participantId))?.availableIdr;
const entriesOf = async (participantId: string) =>
  (await ledger.linesOf(participantId)).map(({ orderId, productId, amountIdr, at }) => ({ orderId, productId, amountIdr, creditedAt: at }));

describe('DynamoDB earnings ledger', () => {
  it('reads only the order fields it needs and the group’s share', async () => {
    // Prepare
    const { order, siti } = await storedOrder('delivered', 75);

    // Act
    const read = await sources.order(order.id);
    const share = await sources.sharePercentOf(order.groupId);

    // Assert
    expect(read).toEqual({
      id: order.id,
      groupId: order.groupId,
      status: 'delivered',
      items: order.items.map(({ productId, participantId, subtotalIdr }) => ({ productId, participantId, subtotalIdr })),
    });
    expect(JSON.stringify(read)).not.toContain('Pejanggik');
    expect(share).toBe(75);
    expect(await sources.groupOf(siti)).toBe(order.groupId);
  });

  it('credits entries, totals and one event per participant once; a second credit is "already credited"', async () => {
    // Prepare
    const { order, siti, wira } = await storedOrder();
    const credit = await creditOf(order.id);

    // Act
    const first = await ledger.credit(credit);
    const second = await ledger.credit(await creditOf(order.id));

    // Assert
    expect([first, second]).toEqual(['credited', 'already-credited']);
    expect(await entriesOf(siti)).toEqual(
      expect.arrayContaining([
        { orderId: order.id, productId: order.items[0]?.productId, amountIdr: 136_000, creditedAt: at },
        { orderId: order.id, productId: order.items[2]?.productId, amountIdr: 2, creditedAt: at },
      ]),
    );
    expect(await entriesOf(siti)).toHaveLength(2);
    expect(await entriesOf(wira)).toEqual([{ orderId: order.id, productId: order.items[1]?.productId, amountIdr: 9_878, creditedAt: at }]);
    expect([await totalOf(siti), await totalOf(wira)]).toEqual([136_002, 9_878]);
    const guard = await doc.send(new GetCommand({ TableName: table, Key: orderEarningsGuardKey(order.id), ConsistentRead: true }));
    expect(guard.Item).toMatchObject({ sharePercent: 80, participantsIdr: 145_880, groupIdr: 36_470 });
    const rows = await outboxRowsFor(doc, table, order.id, EarningsCredited.detailType);
    expect(rows.map((row) => (row.detail as { data: unknown }).data)).toEqual(
      expect.arrayContaining([
        { participantId: siti, orderId: order.id, amountIdr: 136_002 },
        { participantId: wira, orderId: order.id, amountIdr: 9_878 },
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it('credits once when five credits of one order run concurrently', async () => {
    // Prepare
    const { order, siti, wira } = await storedOrder();
    const credits = await Promise.all(Array.from({ length: 5 }, () => creditOf(order.id)));

    // Act
    const outcomes = await Promise.all(credits.map((credit) => ledger.credit(credit)));

    // Assert
    expect(outcomes.filter((outcome) => outcome === 'credited')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'already-credited')).toHaveLength(4);
    expect([await totalOf(siti), await totalOf(wira)]).toEqual([136_002, 9_878]);
    expect(await entriesOf(siti)).toHaveLength(2);
    expect(await outboxRowsFor(doc, table, order.id, EarningsCredited.detailType)).toHaveLength(2);
  });

  it('writes nothing when the order stopped being delivered between the read and the credit', async () => {
    // Prepare
    const { order, siti } = await storedOrder();
    const credit = await creditOf(order.id);
    await doc.send(
      new UpdateCommand({
        TableName: table,
        Key: orderKey(order.id),
        UpdateExpression: 'SET #status = :cancelled',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':cancelled': 'cancelled' },
      }),
    );

    // Act
    const outcome = await ledger.credit(credit);

    // Assert
    expect(outcome).toBe('not-delivered');
    expect(await entriesOf(siti)).toEqual([]);
    expect(await totalOf(siti)).toBeUndefined();
    expect(await outboxRowsFor(doc, table, order.id, EarningsCredited.detailType)).toEqual([]);
  });
});

describe('the credit-earnings handler', () => {
  const context = lambdaContext('credit-earnings');
  let handler: (event: EventBridgeEvent<string, unknown>, context: Context) => Promise<void>;

  beforeAll(async () => {
    // The module builds its default dependencies when it loads; they must find a table name (they are not used).
    vi.stubEnv('TABLE_NAME', table);
    vi.stubEnv('AWS_REGION', 'ap-southeast-3');
    const { buildHandler } = await import('#functions/earnings/credit-earnings/handler');
    handler = buildHandler({ ledger, sources, clock: fixedClock(at) });
  });
  afterAll(() => vi.unstubAllEnvs());

  const delivered = (orderId: string, groupId: string) => eventBridgeEvent(OrderDelivered, { orderId, groupId }, at);

  it('credits once when invoked twice with the same event', async () => {
    // Prepare
    const { order, siti, wira } = await storedOrder();
    const event = delivered(order.id, order.groupId);

    // Act
    await handler(event, context);
    await handler(event, context);

    // Assert
    expect([await totalOf(siti), await totalOf(wira)]).toEqual([136_002, 9_878]);
    expect(await entriesOf(siti)).toHaveLength(2);
    expect(await outboxRowsFor(doc, table, order.id, EarningsCredited.detailType)).toHaveLength(2);
  });

  it('returns without crediting (no retry) for an order that is not delivered or does not exist', async () => {
    // Prepare
    const { order, siti } = await storedOrder('shipped');

    // Act
    const shipped = handler(delivered(order.id, order.groupId), context);
    const unknown = handler(delivered(newId('ord'), order.groupId), context);

    // Assert
    await expect(shipped).resolves.toBeUndefined();
    await expect(unknown).resolves.toBeUndefined();
    expect(await totalOf(siti)).toBeUndefined();
    expect(await outboxRowsFor(doc, table, order.id, EarningsCredited.detailType)).toEqual([]);
  });
});
