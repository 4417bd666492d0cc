import { EventMetadataSchema, type EventContract } from '#events/event-contract';
import * as z from '#shared/kernel/validation';
import { buildEventSchemas } from './openapi.ts';

type JsonSchema = Record<string, unknown>;

const channel = 'webhook';
const headersRef = '#/components/schemas/WebhookHeaders';

/**
 * The AsyncAPI schema object extends JSON Schema draft-07, and zod's draft-2020-12 output for our events uses only
 * keywords both drafts share; the `$schema` marker would claim a dialect the document does not declare.
 */
function withoutDialect({ $schema: _dialect, ...schema }: JsonSchema): JsonSchema {
  return schema;
}

/** The envelope's timestamp and the webhook-id are the event's metadata, so they are described from its schema. */
const metadata = withoutDialect(z.toJSONSchema(EventMetadataSchema, { io: 'output' })) as {
  properties: { eventId: JsonSchema; occurredAt: JsonSchema };
};

const webhookHeaders = {
  type: 'object',
  required: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
  properties: {
    'webhook-id': {
      ...metadata.properties.eventId,
      description: "The event's id, the same on every attempt: keep the ids you have processed and ignore a repeat.",
    },
    'webhook-timestamp': {
      type: 'string',
      pattern: '^[0-9]+$',
      description: 'Unix seconds of this attempt (each retry is signed afresh); refuse one far from your clock.',
    },
    'webhook-signature': {
      type: 'string',
      pattern: '^v1,[A-Za-z0-9+/]+={0,2}( v1,[A-Za-z0-9+/]+={0,2})*$',
      description:
        'v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}"> keyed with the whsec_ secret; ' +
        'two of them, space-separated, for 24 h after a secret rotation: accept the request if any one matches.',
    },
  },
};

const webhookSignature = {
  type: 'httpApiKey',
  name: 'webhook-signature',
  in: 'header',
  description:
    'Standard Webhooks 1.0 HMAC-SHA256 signature with the secret POST /webhooks answered. Verify it on the raw body, ' +
    'e.g. with the standardwebhooks library: `new Webhook(secret).verify(rawBody, headers)`.',
};

const description = [
  'What a partner endpoint registered with `POST /webhooks` receives: a `POST` of JSON `{type, timestamp, data}`',
  'signed as [Standard Webhooks 1.0](https://www.standardwebhooks.com/) prescribes. Any 2xx within 15 s is success;',
  'anything else is retried (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h), and `410 Gone`',
  'disables the endpoint. Delivery is at least once and unordered: deduplicate by `webhook-id`, order by `timestamp`.',
  '',
  'Each event is also published on the EventBridge bus `pas-kreatif-<stage>` with the `source` and `detail-type` its',
  'message names (`x-eventbridge`) and the detail `{metadata: {eventId, occurredAt, version}, data}`; `data` is the',
  "same as the webhook's. `GET /events/schemas` serves the data schemas alone.",
].join('\n');

const contextOf = (contract: EventContract) => contract.source.replace(/^pas-kreatif\./, '');

function message(contract: EventContract) {
  const { detailType, source } = contract;
  return {
    name: detailType,
    title: detailType,
    summary: `The ${detailType} event, as a webhook delivery.`,
    contentType: 'application/json',
    headers: { $ref: headersRef },
    correlationId: { location: '$message.header#/webhook-id', description: 'The event id: one per event, the same on every retry.' },
    payload: {
      type: 'object',
      required: ['type', 'timestamp', 'data'],
      additionalProperties: false,
      properties: {
        type: { type: 'string', const: detailType },
        timestamp: { ...metadata.properties.occurredAt, description: 'When the event happened (ISO 8601 UTC).' },
        data: { $ref: `#/components/schemas/${detailType}Data` },
      },
    },
    tags: [{ name: contextOf(contract) }],
    'x-eventbridge': { source, detailType },
  };
}

function operation(contract: EventContract) {
  const { detailType } = contract;
  return {
    action: 'receive',
    channel: { $ref: `#/channels/${channel}` },
    summary: `Receive ${detailType}`,
    messages: [{ $ref: `#/channels/${channel}/messages/${detailType}` }],
    bindings: { http: { method: 'POST', bindingVersion: '0.3.0' } },
  };
}

const byEvent = <T>(contracts: readonly EventContract[], build: (contract: EventContract) => T) =>
  Object.fromEntries(contracts.map((contract) => [contract.detailType, build(contract)]));

/**
 * AsyncAPI 3.0 of the webhooks, generated from the event contracts so it cannot drift from them. It describes the
 * partner's endpoint, which receives: code generators then produce a receiver, which is what a partner writes.
 */
export function buildAsyncApiDocument(contracts: readonly EventContract[]) {
  const dataSchemas = buildEventSchemas(contracts);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'PAS Kreatif webhooks',
      version: '1.0.0',
      description,
      license: { name: 'Proprietary' },
    },
    defaultContentType: 'application/json',
    servers: {
      partner: {
        host: '{host}',
        pathname: '{path}',
        protocol: 'https',
        description: 'The partner endpoint: the URL given to POST /webhooks (https on deployed stages).',
        variables: {
          host: { default: 'partner.example.com', description: "The host of the webhook's URL" },
          path: { default: '/webhooks/pas-kreatif', description: "The path of the webhook's URL" },
        },
        security: [{ $ref: '#/components/securitySchemes/webhookSignature' }],
      },
    },
    channels: {
      [channel]: {
        address: null,
        title: 'Webhook deliveries',
        description: 'The one URL a webhook registers: every event type it subscribes to arrives there, told apart by `type`.',
        servers: [{ $ref: '#/servers/partner' }],
        messages: byEvent(contracts, ({ detailType }) => ({ $ref: `#/components/messages/${detailType}` })),
      },
    },
    operations: Object.fromEntries(contracts.map((contract) => [`receive${contract.detailType}`, operation(contract)])),
    components: {
      schemas: {
        WebhookHeaders: webhookHeaders,
        ...Object.fromEntries(
          Object.entries(dataSchemas).map(([detailType, schema]) => [`${detailType}Data`, withoutDialect(schema as JsonSchema)]),
        ),
      },
      messages: byEvent(contracts, message),
      securitySchemes: { webhookSignature },
    },
  };
}
