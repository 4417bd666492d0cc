import { type Caller, hasRole } from '#shared/kernel/auth/caller';
import type { Clock } from '#shared/kernel/clock';
import { ConflictError, ForbiddenError, NotFoundError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import type { Page, PageRequest } from '#shared/kernel/store/page-schemas';
import type { DeliveryQueue, DeliveryStore, StoredWebhook, WebhookStore } from './ports.ts';
import type { CreatedWebhook, CreateWebhook, Delivery, Webhook } from './schemas.ts';
import { newWebhookSecret } from './secrets.ts';
import type { EndpointPolicy, Resolver } from './url-policy.ts';
import { checkEndpointUrl } from './url-policy.ts';

export interface WebhookDeps {
  webhooks: WebhookStore;
  deliveries: DeliveryStore;
  queue: DeliveryQueue;
  clock: Clock;
  policy: EndpointPolicy;
  resolve?: Resolver;
}

/** How long the secret before a rotation keeps signing, so a partner can switch without missing a delivery. */
export const rotationOverlapMs = 24 * 60 * 60 * 1000;

function requireAdmin(caller: Caller): void {
  if (!hasRole(caller, 'admin')) throw new ForbiddenError('Only admins manage partner webhooks');
}

/** The public view: never a secret. */
export function toWebhook({ id, url, eventTypes, status, description, createdAt }: StoredWebhook): Webhook {
  return { id, url, eventTypes, status, description, createdAt };
}

export async function registerWebhook(
  deps: Pick<WebhookDeps, 'webhooks' | 'clock' | 'policy' | 'resolve'>,
  caller: Caller,
  input: CreateWebhook,
): Promise<CreatedWebhook> {
  requireAdmin(caller);
  const url = await checkEndpointUrl(input.url, deps.policy, deps.resolve);
  const webhook: StoredWebhook = {
    id: newId('whk'),
    url,
    eventTypes: input.eventTypes,
    status: 'enabled',
    description: input.description ?? null,
    createdAt: deps.clock.now().toISOString(),
    secret: newWebhookSecret(),
  };
  await deps.webhooks.create(webhook);
  return { ...toWebhook(webhook), secret: webhook.secret };
}

export async function listWebhooks(deps: Pick<WebhookDeps, 'webhooks'>, caller: Caller, page: PageRequest): Promise<Page<Webhook>> {
  requireAdmin(caller);
  const found = await deps.webhooks.list(page);
  return { items: found.items.map(toWebhook), nextCursor: found.nextCursor };
}

async function existing(deps: Pick<WebhookDeps, 'webhooks'>, webhookId: string): Promise<StoredWebhook> {
  const webhook = await deps.webhooks.get(webhookId);
  if (!webhook) throw new NotFoundError('Webhook');
  return webhook;
}

export async function getWebhook(deps: Pick<WebhookDeps, 'webhooks'>, caller: Caller, webhookId: string): Promise<Webhook> {
  requireAdmin(caller);
  return toWebhook(await existing(deps, webhookId));
}

export async function deleteWebhook(deps: Pick<WebhookDeps, 'webhooks'>, caller: Caller, webhookId: string): Promise<void> {
  requireAdmin(caller);
  if (!(await deps.webhooks.remove(webhookId))) throw new NotFoundError('Webhook');
}

/** The new secret signs at once; the previous one keeps signing for 24 h (a second rotation ends the first's overlap). */
export async function rotateWebhookSecret(
  deps: Pick<WebhookDeps, 'webhooks' | 'clock'>,
  caller: Caller,
  webhookId: string,
): Promise<{ secret: string }> {
  requireAdmin(caller);
  const secret = newWebhookSecret();
  const overlapEnds = new Date(deps.clock.now().getTime() + rotationOverlapMs).toISOString();
  if (!(await deps.webhooks.rotateSecret(webhookId, secret, overlapEnds))) throw new NotFoundError('Webhook');
  return { secret };
}

export async function listDeliveries(
  deps: Pick<WebhookDeps, 'webhooks' | 'deliveries'>,
  caller: Caller,
  webhookId: string,
  page: PageRequest,
): Promise<Page<Delivery>> {
  requireAdmin(caller);
  await existing(deps, webhookId);
  return deps.deliveries.list(webhookId, page);
}

const rescheduleAttempts = 3;

/**
 * Attempts a delivery again now, whatever its status: pending (sooner than scheduled), failed, or succeeded (the
 * partner lost it). An attempt recorded meanwhile is simply read again.
 */
export async function retryDelivery(deps: WebhookDeps, caller: Caller, webhookId: string, messageId: string): Promise<Delivery> {
  requireAdmin(caller);
  const webhook = await existing(deps, webhookId);
  if (webhook.status === 'disabled')
    throw new ConflictError('This webhook is disabled (its endpoint answered 410 Gone); register the endpoint again');
  for (let tries = 1; ; tries++) {
    const delivery = await deps.deliveries.get(webhookId, messageId);
    if (!delivery) throw new NotFoundError('Delivery');
    const now = deps.clock.now().toISOString();
    if (await deps.deliveries.reschedule(webhookId, messageId, delivery.attempts, now)) {
      await deps.queue.enqueue({ webhookId, messageId, attempts: delivery.attempts }, 0);
      const { messageId: id, eventType, attempts, lastStatusCode, lastAttemptAt } = delivery;
      return { messageId: id, eventType, status: 'pending', attempts, lastStatusCode, lastAttemptAt, nextAttemptAt: now };
    }
    if (tries >= rescheduleAttempts) throw new ConflictError('The delivery is being attempted right now; try again in a moment');
  }
}
