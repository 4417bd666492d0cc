import type { Page, PageRequest } from '#shared/kernel/store/page-schemas';
import type { Delivery, Webhook } from './schemas.ts';

/** A webhook as stored: with the secrets it signs with. */
export interface StoredWebhook extends Webhook {
  secret: string;
  /** the secret before the last rotation, which keeps signing until previousSecretExpiresAt */
  previousSecret?: string;
  previousSecretExpiresAt?: string;
}

/** The body partners receive, the same on every attempt: ids and figures only, as the event carries them. */
export interface DeliveryPayload {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

export interface StoredDelivery extends Delivery {
  webhookId: string;
  createdAt: string;
  payload: DeliveryPayload;
  /** the queue message that made the record, so a redelivery of that very message can finish its work */
  createdBy: string;
  /** the queue message that recorded the last attempt, for the same reason */
  recordedBy?: string;
}

/** The result of an attempt, as recorded. */
export interface AttemptRecord {
  status: Delivery['status'];
  attempts: number;
  lastStatusCode: number | null;
  /** null only when no attempt was ever made (a webhook disabled before its first attempt) */
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  recordedBy: string;
}

export interface WebhookStore {
  /** The webhook and one subscription row per event type, in one transaction. */
  create(webhook: StoredWebhook): Promise<void>;
  get(webhookId: string): Promise<StoredWebhook | undefined>;
  /** Newest first. */
  list(page: PageRequest): Promise<Page<StoredWebhook>>;
  /** The webhook and its subscriptions; false when there was none. Its delivery records expire by TTL. */
  remove(webhookId: string): Promise<boolean>;
  /** false when there is no such webhook */
  rotateSecret(webhookId: string, secret: string, previousSecretExpiresAt: string): Promise<boolean>;
  /** The ids of the enabled webhooks subscribed to an event type. */
  subscribers(eventType: string): Promise<string[]>;
}

export interface DeliveryStore {
  /** Creates the record unless one exists for this webhook and message, which is returned instead. */
  create(delivery: StoredDelivery): Promise<{ created: true } | { created: false; existing: StoredDelivery }>;
  get(webhookId: string, messageId: string): Promise<StoredDelivery | undefined>;
  /** Newest event first. */
  list(webhookId: string, page: PageRequest): Promise<Page<Delivery>>;
  /**
   * Records an attempt if the record still shows `expectedAttempts` and is pending (false otherwise: another attempt
   * got there first). `disable` (after a 410) disables the webhook and drops its subscriptions to these event types in
   * the same transaction, so no further deliveries are made for it.
   */
  record(
    webhookId: string,
    messageId: string,
    expectedAttempts: number,
    result: AttemptRecord,
    disable?: { eventTypes: readonly string[] },
  ): Promise<boolean>;
  /** A manual retry: pending and due now, if attempts are still `seenAttempts` (false otherwise). */
  reschedule(webhookId: string, messageId: string, seenAttempts: number, nextAttemptAt: string): Promise<boolean>;
}

/** One message per attempt (and per hop of a long wait): which delivery, and after how many recorded attempts it was sent. */
export interface DeliveryMessage {
  webhookId: string;
  messageId: string;
  attempts: number;
}

export interface DeliveryQueue {
  /** delaySeconds: 0–900, SQS's limit; longer waits hop */
  enqueue(message: DeliveryMessage, delaySeconds: number): Promise<void>;
}
