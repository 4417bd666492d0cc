import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBStreamEvent, EventBridgeEvent, S3Event, SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventContract } from '#events/event-contract';
import { OrderPaid } from '#events/order-paid';
import { OrderShipped } from '#events/order-shipped';
import { TrainingCompleted } from '#events/training-completed';
import { type Carrier, on } from '#shared/kernel/consumers/event-cases';
import { eventHandler } from '#shared/kernel/consumers/event-handler';
import { objectCreatedHandler } from '#shared/kernel/consumers/object-created-handler';
import { queueHandler } from '#shared/kernel/consumers/queue-handler';
import { tableStreamHandler } from '#shared/kernel/consumers/table-stream-handler';
import { defineFunction, eventQueueTrigger, eventTrigger, workQueueTrigger } from '#shared/kernel/declaration';
import { newId } from '#shared/kernel/ids';
import { logger } from '#shared/kernel/observability/logger';
import * as z from '#shared/kernel/validation';

const context = { functionName: 'test', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 1000 } as unknown as Context;
const base = { context: 'platform', description: 'test consumer', grants: {} } as const;

const paid = { orderId: newId('ord'), groupId: newId('grp'), totalIdr: 150_000, method: 'cash' };
const detail = (data: unknown) => ({ metadata: { eventId: newId('evt'), occurredAt: '2026-11-28T05:36:47.000Z', version: 1 }, data });
const busEvent = (contract: EventContract, data: unknown, id = 'eb-1') =>
  ({ id, source: contract.source, 'detail-type': contract.detailType, detail: detail(data) }) as EventBridgeEvent<string, unknown>;
const sqsEvent = (bodies: unknown[]): SQSEvent =>
  ({ Records: bodies.map((body, index) => ({ messageId: `msg-${index}`, body: JSON.stringify(body) })) }) as SQSEvent;

afterEach(() => vi.restoreAllMocks());

describe('eventHandler', () => {
  const declaration = defineFunction({ ...base, name: 'events', trigger: eventTrigger(OrderPaid, TrainingCompleted) });

  it('runs the case of the event’s type with the detail its contract parsed, and what carried it', async () => {
    // Prepare
    const seen: [string, unknown, Carrier][] = [];
    const handler = eventHandler(declaration, [
      on(OrderPaid, async ({ data }, carrier) => void seen.push(['paid', data.totalIdr, carrier])),
      on(TrainingCompleted, async ({ data }, carrier) => void seen.push(['completed', data.score, carrier])),
    ]);

    // Act
    await handler(busEvent(OrderPaid, paid, 'eb-7'), context);

    // Assert
    expect(seen).toEqual([['paid', 150_000, { messageId: 'eb-7' }]]);
    await expect(handler(busEvent(OrderPaid, { ...paid, totalIdr: -1 }), context)).rejects.toThrow();
    await expect(handler(busEvent(OrderShipped, {}), context)).rejects.toThrow(/No case for OrderShipped/);
  });

  it('is not built unless its cases are exactly the declared events', () => {
    const run = async () => {};

    expect(() => eventHandler(declaration, [on(OrderPaid, run)])).toThrow(/not one per declared event/);
    expect(() => eventHandler(declaration, [on(OrderPaid, run), on(TrainingCompleted, run), on(OrderShipped, run)])).toThrow(
      /not one per declared event/,
    );
    expect(() => eventHandler(declaration, [on(OrderPaid, run), on(OrderPaid, run)])).toThrow(/not one per declared event/);
  });
});

describe('a consumer still running just before its timeout', () => {
  const nearTimeout = { ...context, getRemainingTimeInMillis: () => 300 } as Context;

  it('fails the invocation, so the platform retries the event or the whole batch instead of taking it as done', async () => {
    // Prepare
    const never = () => new Promise<void>(() => undefined);
    const events = eventHandler(defineFunction({ ...base, name: 'stuck-events', trigger: eventTrigger(OrderPaid) }), [
      on(OrderPaid, never),
    ]);
    const queue = queueHandler(
      defineFunction({
        ...base,
        name: 'stuck-queue',
        trigger: workQueueTrigger({ queue: 'webhook-deliveries', batchSize: 10, message: z.object({}) }),
      }),
      never,
    );

    // Act
    const event = events(busEvent(OrderPaid, paid), nearTimeout);
    const batch = queue(sqsEvent([{}, {}]), nearTimeout);

    // Assert
    await expect(event).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(batch).rejects.toMatchObject({ kind: 'unavailable' });
  });
});

describe('queueHandler', () => {
  it('parses each message by the declared schema and reports only the messages that failed', async () => {
    // Prepare
    const declaration = defineFunction({
      ...base,
      name: 'work',
      trigger: workQueueTrigger({ queue: 'webhook-deliveries', batchSize: 10, message: z.strictObject({ n: z.int() }) }),
    });
    const handled: number[] = [];
    const handler = queueHandler(declaration, async ({ n }) => {
      if (n === 3) throw new Error('this one fails');
      handled.push(n);
    });

    // Act
    const result = await handler(sqsEvent([{ n: 1 }, { n: 'two' }, { n: 3 }, { n: 4 }]), context);

    // Assert
    expect(handled).toEqual([1, 4]);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-1' }, { itemIdentifier: 'msg-2' }] });
  });

  it('dispatches a queue of bus events by their declared contracts, with the message that carried each', async () => {
    // Prepare
    const declaration = defineFunction({
      ...base,
      name: 'fed',
      trigger: eventQueueTrigger({ queue: 'webhook-events', batchSize: 10, events: [OrderPaid] }),
    });
    const seen: [string, Carrier][] = [];
    const handler = queueHandler(declaration, [on(OrderPaid, async ({ data }, carrier) => void seen.push([data.orderId, carrier]))]);

    // Act
    const result = await handler(sqsEvent([busEvent(OrderPaid, paid), busEvent(OrderShipped, {})]), context);

    // Assert
    expect(declaration.trigger.feed).toEqual([{ source: [OrderPaid.source], 'detail-type': [OrderPaid.detailType] }]);
    expect(seen).toEqual([[paid.orderId, { messageId: 'msg-0' }]]);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-1' }] });
  });
});

describe('tableStreamHandler', () => {
  it('hands the new images over in stream order and reports the sequence numbers the consumer failed', async () => {
    // Prepare
    const declaration = defineFunction({
      ...base,
      name: 'stream',
      trigger: { kind: 'tableStream', filter: { eventName: ['INSERT'] }, batchSize: 10 },
    });
    const stream = {
      Records: ['1', '2', '3'].map((n) => ({
        dynamodb: { SequenceNumber: `seq-${n}`, NewImage: marshall({ pk: `ITEM#${n}`, detail: { n: Number(n) } }) },
      })),
    } as unknown as DynamoDBStreamEvent;
    const seen: unknown[] = [];
    const handler = tableStreamHandler(declaration, async (images) => {
      seen.push(...images);
      return ['seq-2'];
    });

    // Act
    const result = await handler(stream, context);

    // Assert
    expect(seen).toEqual(
      ['1', '2', '3'].map((n) => ({ sequenceNumber: `seq-${n}`, image: { pk: `ITEM#${n}`, detail: { n: Number(n) } } })),
    );
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'seq-2' }] });
  });
});

describe('objectCreatedHandler', () => {
  const declaration = defineFunction({ ...base, name: 'objects', trigger: { kind: 'objectCreated', prefix: 'uploads/' } });
  const s3Event = (objects: [string, number][]) =>
    ({ Records: objects.map(([key, size]) => ({ s3: { object: { key, size } } })) }) as unknown as S3Event;

  it('hands over each object with its key decoded as S3 encodes it, one after another', async () => {
    const seen: unknown[] = [];
    const handler = objectCreatedHandler(declaration, async (object) => void seen.push(object));

    await handler(
      s3Event([
        ['uploads/a+b%2Bc.jpg', 1024],
        ['uploads/%C3%A9', 7],
      ]),
      context,
    );

    expect(seen).toEqual([
      { key: 'uploads/a b+c.jpg', size: 1024 },
      { key: 'uploads/é', size: 7 },
    ]);
  });

  it('throws on a failure, so that Lambda retries the event', async () => {
    const handler = objectCreatedHandler(declaration, async () => {
      throw new Error('unreadable');
    });

    await expect(handler(s3Event([['uploads/x', 1]]), context)).rejects.toThrow('unreadable');
  });
});

describe('every consumer wrapper', () => {
  it('gives the logger the invocation’s context, whatever triggers it', async () => {
    // Prepare
    const addContext = vi.spyOn(logger, 'addContext');
    const none = async () => [];
    const handlers = [
      eventHandler(defineFunction({ ...base, name: 'e', trigger: eventTrigger(OrderPaid) }), [on(OrderPaid, async () => {})]),
      queueHandler(
        defineFunction({
          ...base,
          name: 'q',
          trigger: workQueueTrigger({ queue: 'webhook-deliveries', batchSize: 1, message: z.unknown() }),
        }),
        async () => {},
      ),
      tableStreamHandler(defineFunction({ ...base, name: 's', trigger: { kind: 'tableStream', filter: {}, batchSize: 1 } }), none),
      objectCreatedHandler(defineFunction({ ...base, name: 'o', trigger: { kind: 'objectCreated', prefix: 'uploads/' } }), async () => {}),
    ];
    const events = [busEvent(OrderPaid, paid), sqsEvent([]), { Records: [] }, { Records: [] }];

    // Act
    for (const [index, handler] of handlers.entries())
      await (handler as (event: unknown, context: Context) => Promise<unknown>)(events[index], context);

    // Assert
    expect(addContext).toHaveBeenCalledTimes(handlers.length);
    expect(addContext.mock.calls.every(([given]) => given === context)).toBe(true);
  });
});
