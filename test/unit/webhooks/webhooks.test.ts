import { describe, expect, it } from 'vitest';
import type { Caller } from '#shared/kernel/auth/caller';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import type { StoredWebhook } from '#shared/webhooks/ports';
import { CreateWebhookSchema } from '#shared/webhooks/schemas';
import { endpointPolicyFor } from '#shared/webhooks/url-policy';
import * as z from '#shared/kernel/validation';
import { deleteWebhook, getWebhook, listDeliveries, registerWebhook, retryDelivery, rotateWebhookSecret } from '#shared/webhooks/webhooks';
import { fanOutEvent } from '#shared/webhooks/delivery';
import { fakeWebhookPorts } from '#test/support/fakes/webhooks';
import { movableClock } from '#test/support/fakes/clock';

const admin: Caller = { sub: 'admin-1', roles: ['admin'] };
const officer: Caller = { sub: 'officer-1', roles: ['officer'] };
const input = (overrides: Record<string, unknown> = {}) =>
  z.parse(CreateWebhookSchema, { url: 'https://partner.example/hooks', eventTypes: ['OrderPaid', 'OrderShipped'], ...overrides });

function setUp() {
  const ports = fakeWebhookPorts();
  const { clock, advance } = movableClock();
  const deps = {
    webhooks: ports.webhookStore,
    deliveries: ports.deliveryStore,
    queue: ports.queue,
    clock,
    policy: endpointPolicyFor('prod'),
    resolve: async () => ['93.184.215.14'],
  };
  return { ports, deps, advance };
}

describe('registering a webhook', () => {
  it('stores it enabled with a fresh secret, shown in the answer and never in a read', async () => {
    const { deps } = setUp();

    const created = await registerWebhook(deps, admin, input({ description: '  Bapas reports ' }));

    expect(created).toMatchObject({
      url: 'https://partner.example/hooks',
      eventTypes: ['OrderPaid', 'OrderShipped'],
      status: 'enabled',
      description: 'Bapas reports',
    });
    expect(created.secret).toMatch(/^whsec_/);
    expect(await getWebhook(deps, admin, created.id)).not.toHaveProperty('secret');
  });

  it('is for admins only', async () => {
    const { deps } = setUp();

    await expect(registerWebhook(deps, officer, input())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getWebhook(deps, officer, newId('whk'))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses a URL the policy refuses', async () => {
    const { deps } = setUp();

    await expect(registerWebhook(deps, admin, input({ url: 'https://169.254.169.254/' }))).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('validates event types against the catalog, each once', () => {
    expect(z.safeParse(CreateWebhookSchema, { url: 'https://a.example', eventTypes: ['OrderPaid'] }).success).toBe(true);
    expect(z.safeParse(CreateWebhookSchema, { url: 'https://a.example', eventTypes: ['OrderTeleported'] }).success).toBe(false);
    expect(z.safeParse(CreateWebhookSchema, { url: 'https://a.example', eventTypes: [] }).success).toBe(false);
    expect(z.safeParse(CreateWebhookSchema, { url: 'https://a.example', eventTypes: ['OrderPaid', 'OrderPaid'] }).success).toBe(false);
  });
});

describe('rotating the secret', () => {
  it('keeps the previous secret for 24 hours', async () => {
    const { deps, ports } = setUp();
    const created = await registerWebhook(deps, admin, input());

    const { secret } = await rotateWebhookSecret(deps, admin, created.id);

    expect(secret).not.toBe(created.secret);
    expect(ports.webhooks.get(created.id)).toMatchObject({
      secret,
      previousSecret: created.secret,
      previousSecretExpiresAt: '2026-11-29T05:36:47.000Z',
    });
  });

  it('is a 404 for an unknown webhook, as is deleting one', async () => {
    const { deps } = setUp();

    await expect(rotateWebhookSecret(deps, admin, newId('whk'))).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteWebhook(deps, admin, newId('whk'))).rejects.toBeInstanceOf(NotFoundError);
    await expect(listDeliveries(deps, admin, newId('whk'), { limit: 20 })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('a manual retry', () => {
  async function withFailedDelivery() {
    const setup = setUp();
    const created = await registerWebhook(setup.deps, admin, input());
    const messageId = newId('evt');
    await fanOutEvent(setup.deps, { eventId: messageId, detailType: 'OrderPaid', occurredAt: '2026-11-28T05:00:00.000Z', data: {} }, 'm-1');
    await setup.deps.deliveries.record(created.id, messageId, 0, {
      status: 'failed',
      attempts: 10,
      lastStatusCode: 500,
      lastAttemptAt: '2026-11-28T05:00:00.000Z',
      nextAttemptAt: null,
      recordedBy: 'm-2',
    });
    return { ...setup, webhookId: created.id, messageId };
  }

  it('makes a failed delivery pending and queues an attempt now', async () => {
    // Prepare
    const { deps, ports, webhookId, messageId } = await withFailedDelivery();

    // Act
    const retried = await retryDelivery(deps, admin, webhookId, messageId);

    // Assert
    expect(retried).toEqual({
      messageId,
      eventType: 'OrderPaid',
      status: 'pending',
      attempts: 10,
      lastStatusCode: 500,
      lastAttemptAt: '2026-11-28T05:00:00.000Z',
      nextAttemptAt: '2026-11-28T05:36:47.000Z',
    });
    expect(ports.enqueued.at(-1)).toEqual({ message: { webhookId, messageId, attempts: 10 }, delaySeconds: 0 });
  });

  it('is a 409 when the webhook is disabled, and a 404 for an unknown delivery', async () => {
    const { deps, ports, webhookId, messageId } = await withFailedDelivery();

    await expect(retryDelivery(deps, admin, webhookId, newId('evt'))).rejects.toBeInstanceOf(NotFoundError);
    ports.webhooks.set(webhookId, { ...(ports.webhooks.get(webhookId) as StoredWebhook), status: 'disabled' });
    await expect(retryDelivery(deps, admin, webhookId, messageId)).rejects.toBeInstanceOf(ConflictError);
  });
});
