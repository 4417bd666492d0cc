import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '#shared/kernel/ids';
import { webhookSubscriptionKey } from '#shared/kernel/store/keys';
import { buildDeliveryStore } from '#shared/webhooks/dynamo-delivery-store';
import { buildWebhookStore } from '#shared/webhooks/dynamo-webhook-store';
import type { AttemptRecord, StoredDelivery, StoredWebhook } from '#shared/webhooks/ports';
import { localTable } from '#test/support/table/local-table';

const { doc, table, cursors } = localTable();
const webhooks = buildWebhookStore(doc, table, cursors);
const deliveries = buildDeliveryStore(doc, table, cursors);

// An event type of this test alone would be ideal; ProductDelisted is the rarest the other tests cause.
const eventType = 'ProductDelisted';

const made: string[] = [];

// The local runtime delivers to these webhooks too when other tests cause their events: remove them when done.
afterAll(async () => {
  await Promise.all(made.map((id) => webhooks.remove(id)));
});

async function storedWebhook(overrides: Partial<StoredWebhook> = {}): Promise<StoredWebhook> {
  const webhook: StoredWebhook = {
    id: newId('whk'),
    // .invalid never resolves, so an attempt the runtime makes meanwhile fails at once
    url: 'https://partner.example.invalid/hooks',
    eventTypes: [eventType, 'OrderPaid'],
    status: 'enabled',
    description: null,
    createdAt: '2026-11-28T05:36:47.000Z',
    secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0',
    ...overrides,
  };
  await webhooks.create(webhook);
  made.push(webhook.id);
  return webhook;
}

function newDelivery(webhookId: string, messageId = newId('evt')): StoredDelivery {
  return {
    webhookId,
    messageId,
    eventType,
    status: 'pending',
    attempts: 0,
    lastStatusCode: null,
    lastAttemptAt: null,
    nextAttemptAt: '2026-11-28T05:36:47.000Z',
    payload: { type: eventType, timestamp: '2026-11-28T05:36:47.000Z', data: { productId: newId('prd') } },
    createdAt: '2026-11-28T05:36:47.000Z',
    createdBy: 'sqs-1',
  };
}

const failedOnce: AttemptRecord = {
  status: 'pending',
  attempts: 1,
  lastStatusCode: 500,
  lastAttemptAt: '2026-11-28T05:36:48.000Z',
  nextAttemptAt: '2026-11-28T05:36:53.000Z',
  recordedBy: 'sqs-2',
};

describe('the webhook store', () => {
  it('finds an enabled webhook among the subscribers of each of its event types', async () => {
    const webhook = await storedWebhook();

    expect(await webhooks.subscribers(eventType)).toContain(webhook.id);
    expect(await webhooks.subscribers('OrderPaid')).toContain(webhook.id);
    expect(await webhooks.subscribers('OrderShipped')).not.toContain(webhook.id);
  });

  it('lists webhooks newest first, secrets kept for signing', async () => {
    const older = await storedWebhook();
    const newer = await storedWebhook();

    const ids = (await webhooks.list({ limit: 100 })).items.map((item) => item.id);

    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect((await webhooks.get(newer.id))?.secret).toBe(newer.secret);
  });

  it('rotates: the old secret becomes the previous one', async () => {
    const webhook = await storedWebhook();

    const rotated = await webhooks.rotateSecret(webhook.id, 'whsec_bmV3LW5ldy1uZXctbmV3LW5ldy1uZXctbmV3', '2026-11-29T05:36:47.000Z');

    expect(rotated).toBe(true);
    expect(await webhooks.get(webhook.id)).toMatchObject({
      secret: 'whsec_bmV3LW5ldy1uZXctbmV3LW5ldy1uZXctbmV3',
      previousSecret: webhook.secret,
      previousSecretExpiresAt: '2026-11-29T05:36:47.000Z',
    });
    expect(await webhooks.rotateSecret(newId('whk'), 'whsec_eA==', '2026-11-29T05:36:47.000Z')).toBe(false);
  });

  it('removes a webhook with its subscriptions', async () => {
    const webhook = await storedWebhook();

    expect(await webhooks.remove(webhook.id)).toBe(true);

    expect(await webhooks.get(webhook.id)).toBeUndefined();
    expect(await webhooks.subscribers(eventType)).not.toContain(webhook.id);
    expect(await webhooks.remove(webhook.id)).toBe(false);
  });
});

describe('the delivery store', () => {
  it('creates a delivery once per webhook and message, and hands back the one that exists', async () => {
    const webhook = await storedWebhook();
    const delivery = newDelivery(webhook.id);

    const first = await deliveries.create(delivery);
    const second = await deliveries.create({ ...delivery, createdBy: 'sqs-other' });

    expect(first).toEqual({ created: true });
    expect(second).toEqual({ created: false, existing: delivery });
  });

  it('records an attempt only over the attempts it expects, on a pending delivery', async () => {
    // Prepare
    const webhook = await storedWebhook();
    const delivery = newDelivery(webhook.id);
    await deliveries.create(delivery);

    // Act
    const recorded = await deliveries.record(webhook.id, delivery.messageId, 0, failedOnce);
    const raced = await deliveries.record(webhook.id, delivery.messageId, 0, { ...failedOnce, recordedBy: 'sqs-3' });

    // Assert
    expect([recorded, raced]).toEqual([true, false]);
    expect(await deliveries.get(webhook.id, delivery.messageId)).toMatchObject({ ...failedOnce, payload: delivery.payload });
  });

  it('disables the webhook and drops its subscriptions with a 410 attempt, in one transaction', async () => {
    // Prepare
    const webhook = await storedWebhook();
    const delivery = newDelivery(webhook.id);
    await deliveries.create(delivery);

    // Act
    await deliveries.record(
      webhook.id,
      delivery.messageId,
      0,
      { ...failedOnce, status: 'failed', lastStatusCode: 410, nextAttemptAt: null },
      { eventTypes: webhook.eventTypes },
    );

    // Assert
    expect((await webhooks.get(webhook.id))?.status).toBe('disabled');
    expect(await webhooks.subscribers(eventType)).not.toContain(webhook.id);
    const { Item } = await doc.send(new GetCommand({ TableName: table, Key: webhookSubscriptionKey(webhook.id, 'OrderPaid') }));
    expect(Item).toBeUndefined();
  });

  it('reschedules for a manual retry while the attempts are as seen, and lists newest event first', async () => {
    // Prepare
    const webhook = await storedWebhook();
    const [older, newer] = [newDelivery(webhook.id), newDelivery(webhook.id)];
    await deliveries.create(older);
    await deliveries.create(newer);
    await deliveries.record(webhook.id, older.messageId, 0, { ...failedOnce, status: 'failed', nextAttemptAt: null });

    // Act
    const stale = await deliveries.reschedule(webhook.id, older.messageId, 0, '2026-11-28T06:00:00.000Z');
    const fresh = await deliveries.reschedule(webhook.id, older.messageId, 1, '2026-11-28T06:00:00.000Z');
    const page = await deliveries.list(webhook.id, { limit: 1 });
    const next = await deliveries.list(webhook.id, { limit: 1, cursor: page.nextCursor as string });

    // Assert
    expect([stale, fresh]).toEqual([false, true]);
    expect(await deliveries.get(webhook.id, older.messageId)).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: '2026-11-28T06:00:00.000Z',
    });
    expect(page.items.map((item) => item.messageId)).toEqual([newer.messageId]);
    expect(next).toEqual({
      items: [
        {
          messageId: older.messageId,
          eventType,
          status: 'pending',
          attempts: 1,
          lastStatusCode: 500,
          lastAttemptAt: failedOnce.lastAttemptAt,
          nextAttemptAt: '2026-11-28T06:00:00.000Z',
        },
      ],
      nextCursor: null,
    });
  });
});
