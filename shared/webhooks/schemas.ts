import { eventCatalog } from '#events/catalog';
import { prefixedId } from '#events/ids';
import { ListQuerySchema } from '#shared/kernel/store/page-schemas';
import { textField } from '#shared/kernel/text-field';
import * as z from '#shared/kernel/validation';

export const WebhookId = prefixedId('whk');
export const MessageId = prefixedId('evt');

/** A message of the webhook-deliveries queue (ports.ts: DeliveryMessage), as the delivery function parses it. */
export const DeliveryMessageSchema = z.strictObject({ webhookId: WebhookId, messageId: MessageId, attempts: z.int().check(z.minimum(0)) });

/** The detail-types of the event catalog: a partner subscribes to nothing else. */
export const eventTypes = eventCatalog.map((contract) => contract.detailType) as [string, ...string[]];
export const EventTypeSchema = z.enum(eventTypes);

export const WebhookStatusSchema = z.enum(['enabled', 'disabled']);
export type WebhookStatus = z.infer<typeof WebhookStatusSchema>;

export const CreateWebhookSchema = z.strictObject({
  /** checked further by the URL policy (scheme, host, addresses) when registering */
  url: z.string().check(z.trim(), z.minLength(1), z.maxLength(2048)),
  eventTypes: z.array(EventTypeSchema).check(
    z.minLength(1),
    z.refine((types) => new Set(types).size === types.length, 'Name each event type once'),
  ),
  description: z.optional(textField(500)),
});
export type CreateWebhook = z.output<typeof CreateWebhookSchema>;

/** A webhook as the API shows it: never its secrets. */
export const WebhookSchema = z.object({
  id: WebhookId,
  url: z.string(),
  eventTypes: z.array(z.string()),
  status: WebhookStatusSchema,
  description: z.nullable(z.string()),
  createdAt: z.iso.datetime(),
});
export type Webhook = z.infer<typeof WebhookSchema>;

/** Answered once, on registration: the only time the secret is shown besides a rotation. */
export const CreatedWebhookSchema = z.extend(WebhookSchema, { secret: z.string() });
export type CreatedWebhook = z.infer<typeof CreatedWebhookSchema>;

export const RotatedSecretSchema = z.object({ secret: z.string() });

export const DeliveryStatusSchema = z.enum(['pending', 'succeeded', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

export const DeliverySchema = z.object({
  messageId: MessageId,
  eventType: z.string(),
  status: DeliveryStatusSchema,
  attempts: z.int(),
  /** null until an attempt got an HTTP answer (a timeout, a refused address or a dropped connection has none) */
  lastStatusCode: z.nullable(z.int()),
  lastAttemptAt: z.nullable(z.iso.datetime()),
  /** when the next automatic attempt is due; null once succeeded or failed */
  nextAttemptAt: z.nullable(z.iso.datetime()),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const WebhookParamsSchema = z.object({ id: WebhookId });
export const DeliveryParamsSchema = z.object({ id: WebhookId, messageId: MessageId });
export const ListWebhooksQuerySchema = ListQuerySchema;
