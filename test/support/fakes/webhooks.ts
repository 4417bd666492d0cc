import type { OutgoingWebhook, SendOutcome, WebhookSender } from '#shared/webhooks/http-sender';
import type { DeliveryMessage, DeliveryQueue, DeliveryStore, StoredDelivery, StoredWebhook, WebhookStore } from '#shared/webhooks/ports';
import { pageOf } from './page.ts';

/** In-memory webhook ports, behaving as the DynamoDB adapters promise (conditions included). */
export function fakeWebhookPorts() {
  const webhooks = new Map<string, StoredWebhook>();
  const deliveries = new Map<string, StoredDelivery>();
  const enqueued: { message: DeliveryMessage; delaySeconds: number }[] = [];
  const key = (webhookId: string, messageId: string) => `${webhookId}/${messageId}`;

  const webhookStore: WebhookStore = {
    async create(webhook) {
      webhooks.set(webhook.id, webhook);
    },
    get: async (id) => webhooks.get(id),
    list: async () => pageOf([...webhooks.values()].reverse()),
    remove: async (id) => webhooks.delete(id),
    async rotateSecret(id, secret, previousSecretExpiresAt) {
      const webhook = webhooks.get(id);
      if (!webhook) return false;
      webhooks.set(id, { ...webhook, secret, previousSecret: webhook.secret, previousSecretExpiresAt });
      return true;
    },
    subscribers: async (eventType) =>
      [...webhooks.values()]
        .filter((webhook) => webhook.status === 'enabled' && webhook.eventTypes.includes(eventType))
        .map((webhook) => webhook.id),
  };

  const deliveryStore: DeliveryStore = {
    async create(delivery) {
      const existing = deliveries.get(key(delivery.webhookId, delivery.messageId));
      if (existing) return { created: false, existing };
      deliveries.set(key(delivery.webhookId, delivery.messageId), delivery);
      return { created: true };
    },
    get: async (webhookId, messageId) => deliveries.get(key(webhookId, messageId)),
    list: async (webhookId) => pageOf([...deliveries.values()].filter((delivery) => delivery.webhookId === webhookId)),
    async record(webhookId, messageId, expectedAttempts, result, disable) {
      const delivery = deliveries.get(key(webhookId, messageId));
      if (!delivery || delivery.attempts !== expectedAttempts || delivery.status !== 'pending') return false;
      deliveries.set(key(webhookId, messageId), { ...delivery, ...result });
      const webhook = webhooks.get(webhookId);
      if (disable && webhook) webhooks.set(webhookId, { ...webhook, status: 'disabled' });
      return true;
    },
    async reschedule(webhookId, messageId, seenAttempts, nextAttemptAt) {
      const delivery = deliveries.get(key(webhookId, messageId));
      if (!delivery || delivery.attempts !== seenAttempts) return false;
      deliveries.set(key(webhookId, messageId), { ...delivery, status: 'pending', nextAttemptAt });
      return true;
    },
  };

  const queue: DeliveryQueue = {
    async enqueue(message, delaySeconds) {
      enqueued.push({ message, delaySeconds });
    },
  };

  return {
    webhooks,
    deliveries,
    enqueued,
    webhookStore,
    deliveryStore,
    queue,
    delivery: (w: string, m: string) => deliveries.get(key(w, m)),
  };
}

/** A partner endpoint that answers from a script, one outcome per request, and remembers what it was sent. */
export function scriptedSender(...outcomes: SendOutcome[]) {
  const sent: OutgoingWebhook[] = [];
  const sender: WebhookSender = {
    async send(webhook) {
      sent.push(webhook);
      return outcomes.shift() ?? { kind: 'answered', statusCode: 200 };
    },
  };
  return { sender, sent };
}

export const answered = (statusCode: number, retryAfter?: string): SendOutcome => ({
  kind: 'answered',
  statusCode,
  ...(retryAfter === undefined ? {} : { retryAfter }),
});
