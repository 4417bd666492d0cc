import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newId } from '#shared/kernel/ids';
import { attemptDelivery, delaySecondsUntil, fanOutEvent } from '#shared/webhooks/delivery';
import type { SendOutcome } from '#shared/webhooks/http-sender';
import type { StoredWebhook } from '#shared/webhooks/ports';
import { newWebhookSecret } from '#shared/webhooks/secrets';
import { answered, fakeWebhookPorts, scriptedSender } from '#test/support/fakes/webhooks';
import { movableClock } from '#test/support/fakes/clock';

const eventId = newId('evt');
const startedAt = Date.now();
const hoursFromStart = (hours: number) => new Date(startedAt + hours * 3600 * 1000).toISOString();
const event = {
  eventId,
  detailType: 'OrderPaid',
  occurredAt: '2026-11-28T05:30:00.000Z',
  data: { orderId: newId('ord'), groupId: newId('grp'), totalIdr: 85_000, method: 'qris' },
};

function webhook(overrides: Partial<StoredWebhook> = {}): StoredWebhook {
  return {
    id: newId('whk'),
    url: 'https://partner.example/hooks',
    eventTypes: ['OrderPaid'],
    status: 'enabled',
    description: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    secret: newWebhookSecret(),
    ...overrides,
  };
}

/** A webhook with one fanned-out delivery, and an attempt function answering from a script. */
async function setUp(hook = webhook(), ...outcomes: SendOutcome[]) {
  const ports = fakeWebhookPorts();
  // Now, not a fixed time: partners (and standardwebhooks) refuse signatures more than 5 minutes from their clock.
  const { clock, advance } = movableClock(new Date(startedAt).toISOString());
  ports.webhooks.set(hook.id, hook);
  await fanOutEvent({ webhooks: ports.webhookStore, deliveries: ports.deliveryStore, queue: ports.queue, clock }, event, 'sqs-event-1');
  const { sender, sent } = scriptedSender(...outcomes);
  const deps = { webhooks: ports.webhookStore, deliveries: ports.deliveryStore, queue: ports.queue, sender, clock, retryScale: 1 };
  const attempt = (attempts: number, queueMessageId = `sqs-${attempts}`) =>
    attemptDelivery(deps, { webhookId: hook.id, messageId: eventId, attempts }, queueMessageId);
  return { ports, hook, advance, sent, attempt, delivery: () => ports.delivery(hook.id, eventId) };
}

describe('fanning an event out', () => {
  it('makes one pending delivery per enabled subscriber and queues its first attempt at once', async () => {
    // Prepare
    const ports = fakeWebhookPorts();
    const { clock } = movableClock();
    const [subscribed, other, disabled] = [webhook(), webhook({ eventTypes: ['OrderShipped'] }), webhook({ status: 'disabled' })];
    for (const hook of [subscribed, other, disabled]) ports.webhooks.set(hook.id, hook);

    // Act
    const count = await fanOutEvent(
      { webhooks: ports.webhookStore, deliveries: ports.deliveryStore, queue: ports.queue, clock },
      event,
      'm-1',
    );

    // Assert
    expect(count).toBe(1);
    expect(ports.delivery(subscribed.id, eventId)).toMatchObject({
      messageId: eventId,
      eventType: 'OrderPaid',
      status: 'pending',
      attempts: 0,
      lastStatusCode: null,
      payload: { type: 'OrderPaid', timestamp: event.occurredAt, data: event.data },
    });
    expect(ports.enqueued).toEqual([{ message: { webhookId: subscribed.id, messageId: eventId, attempts: 0 }, delaySeconds: 0 }]);
  });

  it('makes no second delivery when the same event arrives again', async () => {
    const { ports } = await setUp();
    const { clock } = movableClock();

    const count = await fanOutEvent(
      { webhooks: ports.webhookStore, deliveries: ports.deliveryStore, queue: ports.queue, clock },
      event,
      'sqs-event-2',
    );

    expect(count).toBe(0);
    expect(ports.enqueued).toHaveLength(1);
  });

  it('queues the first attempt again when the message that made the delivery comes back before any attempt', async () => {
    const { ports } = await setUp();
    const { clock } = movableClock();

    const count = await fanOutEvent(
      { webhooks: ports.webhookStore, deliveries: ports.deliveryStore, queue: ports.queue, clock },
      event,
      'sqs-event-1',
    );

    expect(count).toBe(1);
    expect(ports.enqueued).toHaveLength(2);
  });
});

describe('an attempt', () => {
  it('posts the signed payload and records success', async () => {
    // Prepare
    const { attempt, sent, delivery, hook, ports } = await setUp();

    // Act
    const outcome = await attempt(0);

    // Assert
    expect(outcome).toMatchObject({ kind: 'attempted', status: 'succeeded', statusCode: 200 });
    const [request] = sent;
    expect(request?.url).toBe(hook.url);
    expect(new Webhook(hook.secret).verify(request?.body as string, request?.headers as Record<string, string>)).toEqual({
      type: 'OrderPaid',
      timestamp: event.occurredAt,
      data: event.data,
    });
    expect(delivery()).toMatchObject({ status: 'succeeded', attempts: 1, lastStatusCode: 200, nextAttemptAt: null });
    expect(ports.enqueued).toHaveLength(1);
  });

  it('schedules the next attempt after a failure, by the schedule, hopping waits longer than SQS allows', async () => {
    // Prepare
    const { attempt, delivery, ports, advance } = await setUp(webhook(), answered(500), answered(503));
    await attempt(0);
    advance(5_000);
    await attempt(1);

    // Act: the third attempt is due 5 minutes after the second; its message arrives early once
    const early = await attempt(2);

    // Assert
    expect(early).toEqual({ kind: 'waiting', until: delivery()?.nextAttemptAt });
    expect(delivery()).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 503 });
    expect(ports.enqueued.map((entry) => [entry.message.attempts, entry.delaySeconds])).toEqual([
      [0, 0],
      [1, 5],
      [2, 300],
      [2, 300],
    ]);
  });

  it('waits as long as a 429 asks when that is longer', async () => {
    const { attempt, ports } = await setUp(webhook(), answered(429, '120'));

    await attempt(0);

    expect(ports.enqueued.at(-1)?.delaySeconds).toBe(120);
  });

  it('records an unanswered attempt with no status code', async () => {
    const { attempt, delivery } = await setUp(webhook(), { kind: 'unanswered', reason: 'DNS lookup 10.0.0.5 is not allowed' });

    const outcome = await attempt(0);

    expect(outcome).toMatchObject({
      kind: 'attempted',
      status: 'pending',
      statusCode: null,
      reason: expect.stringContaining('not allowed'),
    });
    expect(delivery()).toMatchObject({ attempts: 1, lastStatusCode: null });
  });

  it('fails the delivery after the tenth failed attempt, and queues nothing more', async () => {
    // Prepare
    const { attempt, delivery, ports, advance } = await setUp(webhook(), ...Array.from({ length: 10 }, () => answered(500)));

    // Act
    for (let attempts = 0; attempts < 10; attempts++) {
      await attempt(attempts);
      advance(25 * 3600 * 1000);
    }

    // Assert
    expect(delivery()).toMatchObject({ status: 'failed', attempts: 10, lastStatusCode: 500, nextAttemptAt: null });
    expect(ports.enqueued.filter((entry) => entry.message.attempts === 10)).toEqual([]);
  });

  it('disables the webhook on 410 and makes no further attempt', async () => {
    const { attempt, delivery, ports, hook } = await setUp(webhook(), answered(410));

    const outcome = await attempt(0);

    expect(outcome).toMatchObject({ status: 'failed', statusCode: 410, disabled: true });
    expect(ports.webhooks.get(hook.id)?.status).toBe('disabled');
    expect(delivery()).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null });
    expect(ports.enqueued).toHaveLength(1);
  });

  it('ignores a stale message (a duplicate, or one a manual retry overtook)', async () => {
    const { attempt, sent } = await setUp();
    await attempt(0);

    const outcome = await attempt(0, 'another-copy');

    expect(outcome).toEqual({ kind: 'skipped', why: 'stale message' });
    expect(sent).toHaveLength(1);
  });

  it('only queues the next attempt when its own message comes back after recording (the enqueue had failed)', async () => {
    const { attempt, sent, ports } = await setUp(webhook(), answered(500));
    await attempt(0, 'sqs-a');

    const outcome = await attempt(0, 'sqs-a');

    expect(outcome).toMatchObject({ kind: 'skipped' });
    expect(sent).toHaveLength(1);
    expect(ports.enqueued.filter((entry) => entry.message.attempts === 1)).toHaveLength(2);
  });

  it('signs with the previous secret too while a rotation overlaps, and with the new one alone after', async () => {
    // Prepare
    const previous = newWebhookSecret();
    const rotated = webhook({ previousSecret: previous, previousSecretExpiresAt: hoursFromStart(23) });
    const { attempt, sent } = await setUp(rotated);

    // Act
    await attempt(0);

    // Assert
    const headers = sent[0]?.headers as Record<string, string>;
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(new Webhook(previous).verify(sent[0]?.body as string, headers)).toBeDefined();
    const expired = await setUp(webhook({ previousSecret: previous, previousSecretExpiresAt: hoursFromStart(-1) }));
    await expired.attempt(0);
    expect(expired.sent[0]?.headers['webhook-signature']?.split(' ')).toHaveLength(1);
  });

  it('fails a pending delivery without an attempt once its webhook is disabled', async () => {
    const { attempt, delivery, sent, ports, hook } = await setUp();
    ports.webhooks.set(hook.id, { ...hook, status: 'disabled' });

    await attempt(0);

    expect(sent).toHaveLength(0);
    expect(delivery()).toMatchObject({ status: 'failed', attempts: 0, nextAttemptAt: null });
  });
});

describe('SQS delays', () => {
  it('are whole seconds, never early, at most 900', () => {
    expect(delaySecondsUntil(1_000, 1_000)).toBe(0);
    expect(delaySecondsUntil(1_005, 1_000)).toBe(1);
    expect(delaySecondsUntil(3_600_000, 0)).toBe(900);
    expect(delaySecondsUntil(0, 1_000)).toBe(0);
  });
});
