import type { Clock } from '#shared/kernel/clock';
import type { WebhookSender } from './http-sender.ts';
import type { AttemptRecord, DeliveryMessage, DeliveryQueue, DeliveryStore, StoredDelivery, StoredWebhook, WebhookStore } from './ports.ts';
import { honoursRetryAfter, parseRetryAfter, waitAfterFailedAttempt } from './retry-schedule.ts';
import { signatureHeaders } from './signing.ts';

/** An event from the bus, as the fan-out reads it off its queue. */
export interface PlatformEvent {
  eventId: string;
  detailType: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

export interface FanOutDeps {
  webhooks: Pick<WebhookStore, 'subscribers'>;
  deliveries: Pick<DeliveryStore, 'create'>;
  queue: DeliveryQueue;
  clock: Clock;
}

/**
 * One delivery record per subscribed, enabled webhook, created with a condition: the same event again (EventBridge
 * and SQS both deliver at least once) finds the record and makes no second delivery. Only a redelivery of the very
 * queue message that created a record enqueues its first attempt again, in case that message failed in between.
 */
export async function fanOutEvent(deps: FanOutDeps, event: PlatformEvent, queueMessageId: string): Promise<number> {
  const subscribers = await deps.webhooks.subscribers(event.detailType);
  const now = deps.clock.now().toISOString();
  const enqueued = await Promise.all(
    subscribers.map(async (webhookId) => {
      const delivery: StoredDelivery = {
        webhookId,
        messageId: event.eventId,
        eventType: event.detailType,
        status: 'pending',
        attempts: 0,
        lastStatusCode: null,
        lastAttemptAt: null,
        nextAttemptAt: now,
        payload: { type: event.detailType, timestamp: event.occurredAt, data: event.data },
        createdAt: now,
        createdBy: queueMessageId,
      };
      const outcome = await deps.deliveries.create(delivery);
      const unfinished =
        !outcome.created &&
        outcome.existing.createdBy === queueMessageId &&
        outcome.existing.attempts === 0 &&
        outcome.existing.status === 'pending';
      if (!outcome.created && !unfinished) return false;
      await deps.queue.enqueue({ webhookId, messageId: event.eventId, attempts: 0 }, 0);
      return true;
    }),
  );
  return enqueued.filter(Boolean).length;
}

export interface AttemptDeps {
  webhooks: Pick<WebhookStore, 'get'>;
  deliveries: Pick<DeliveryStore, 'get' | 'record'>;
  queue: DeliveryQueue;
  sender: WebhookSender;
  clock: Clock;
  /** WEBHOOK_RETRY_SCALE */
  retryScale: number;
}

export type AttemptOutcome =
  /** nothing to do: the record moved on (another attempt, a manual retry), or the webhook or record is gone */
  | { kind: 'skipped'; why: string }
  /** not due yet: the message hopped on (SQS delays at most 15 minutes) */
  | { kind: 'waiting'; until: string }
  | { kind: 'attempted'; status: AttemptRecord['status']; statusCode: number | null; reason?: string; disabled: boolean };

/** SQS's DelaySeconds is whole seconds, at most 900: never early, a longer wait takes several hops. */
export const delaySecondsUntil = (due: number, now: number) => Math.min(900, Math.max(0, Math.ceil((due - now) / 1000)));

const userAgent = 'PAS-Kreatif-Webhooks/1.0 (+https://pas-kreatif.id)';

function secretsOf(webhook: StoredWebhook, now: Date): string[] {
  const overlapping =
    webhook.previousSecret && webhook.previousSecretExpiresAt && Date.parse(webhook.previousSecretExpiresAt) > now.getTime();
  return overlapping ? [webhook.secret, webhook.previousSecret as string] : [webhook.secret];
}

/**
 * One attempt of one delivery, for one queue message. The message names how many attempts were recorded when it
 * was sent; a message that no longer matches the record is stale and dropped, so duplicates and superseded
 * schedules do nothing. The attempt is recorded (conditionally) before the next one is enqueued; should the enqueue
 * fail, SQS redelivers this message, which then finds its own attempt recorded and only enqueues the next.
 */
export async function attemptDelivery(deps: AttemptDeps, message: DeliveryMessage, queueMessageId: string): Promise<AttemptOutcome> {
  const delivery = await deps.deliveries.get(message.webhookId, message.messageId);
  if (!delivery) return { kind: 'skipped', why: 'no such delivery (its webhook was deleted)' };
  if (delivery.recordedBy === queueMessageId && delivery.attempts === message.attempts + 1) {
    if (delivery.status === 'pending' && delivery.nextAttemptAt) await enqueueAt(deps, delivery, Date.parse(delivery.nextAttemptAt));
    return { kind: 'skipped', why: 'already attempted by this message' };
  }
  if (delivery.attempts !== message.attempts || delivery.status !== 'pending') return { kind: 'skipped', why: 'stale message' };

  const started = deps.clock.now();
  const due = delivery.nextAttemptAt ? Date.parse(delivery.nextAttemptAt) : started.getTime();
  if (due > started.getTime()) {
    await enqueueAt(deps, delivery, due);
    return { kind: 'waiting', until: new Date(due).toISOString() };
  }

  const webhook = await deps.webhooks.get(message.webhookId);
  if (!webhook) return { kind: 'skipped', why: 'no such webhook' };
  if (webhook.status === 'disabled') {
    await deps.deliveries.record(message.webhookId, message.messageId, delivery.attempts, {
      status: 'failed',
      attempts: delivery.attempts,
      lastStatusCode: delivery.lastStatusCode,
      lastAttemptAt: delivery.lastAttemptAt,
      nextAttemptAt: null,
      recordedBy: queueMessageId,
    });
    return { kind: 'skipped', why: 'the webhook is disabled' };
  }

  const body = JSON.stringify(delivery.payload);
  const headers = signatureHeaders({ messageId: delivery.messageId, at: started, body, secrets: secretsOf(webhook, started) });
  const outcome = await deps.sender.send({ url: webhook.url, headers: { ...headers, 'user-agent': userAgent }, body });
  const finished = deps.clock.now();
  const attempts = delivery.attempts + 1;
  const statusCode = outcome.kind === 'answered' ? outcome.statusCode : null;
  const succeeded = statusCode !== null && statusCode >= 200 && statusCode < 300;
  const gone = statusCode === 410;
  const retryAfterSeconds =
    outcome.kind === 'answered' && honoursRetryAfter(outcome.statusCode) ? parseRetryAfter(outcome.retryAfter, finished) : undefined;
  const wait =
    succeeded || gone
      ? undefined
      : waitAfterFailedAttempt(attempts, { scale: deps.retryScale, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) });
  const nextAttemptAt = wait === undefined ? null : new Date(finished.getTime() + wait).toISOString();
  const status = succeeded ? 'succeeded' : nextAttemptAt ? 'pending' : 'failed';
  const record: AttemptRecord = {
    status,
    attempts,
    lastStatusCode: statusCode,
    lastAttemptAt: started.toISOString(),
    nextAttemptAt,
    recordedBy: queueMessageId,
  };

  const recorded = await deps.deliveries.record(
    message.webhookId,
    message.messageId,
    delivery.attempts,
    record,
    gone ? { eventTypes: webhook.eventTypes } : undefined,
  );
  if (!recorded) return { kind: 'skipped', why: 'another attempt was recorded meanwhile' };
  if (nextAttemptAt) await enqueueAt(deps, { ...delivery, attempts }, Date.parse(nextAttemptAt));
  return {
    kind: 'attempted',
    status,
    statusCode,
    ...(outcome.kind === 'unanswered' ? { reason: outcome.reason } : {}),
    disabled: gone,
  };
}

async function enqueueAt(
  deps: Pick<AttemptDeps, 'queue' | 'clock'>,
  delivery: Pick<StoredDelivery, 'webhookId' | 'messageId' | 'attempts'>,
  due: number,
) {
  const { webhookId, messageId, attempts } = delivery;
  await deps.queue.enqueue({ webhookId, messageId, attempts }, delaySecondsUntil(due, deps.clock.now().getTime()));
}
