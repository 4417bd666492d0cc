import type { EventBridgeEvent } from 'aws-lambda';
import { eventCatalog } from '#events/catalog';
import { detailSchema } from '#events/event-contract';
import { queueHandler } from '#shared/kernel/consumers/queue-handler';
import { logger } from '#shared/kernel/observability/logger';
import { fanOutEvent } from '#shared/webhooks/delivery';
import { webhookDeps } from '#shared/webhooks/deps';
import { deliveryQueue } from '#shared/webhooks/queue-deps';

const contracts = new Map(eventCatalog.map((contract) => [contract.detailType, contract]));

/** The queue's messages are EventBridge events, checked against their contract like any consumer's. */
function platformEvent(body: string) {
  const event = JSON.parse(body) as EventBridgeEvent<string, unknown>;
  const contract = contracts.get(event['detail-type']);
  if (!contract) throw new Error(`Not an event of the catalog: ${event['detail-type']}`);
  const { metadata, data } = detailSchema(contract).parse(event.detail);
  return { eventId: metadata.eventId, detailType: contract.detailType, occurredAt: metadata.occurredAt, data };
}

export const buildHandler = (deps = { ...webhookDeps(), queue: deliveryQueue() }) =>
  queueHandler(async (record) => {
    const event = platformEvent(record.body);
    const deliveries = await fanOutEvent(deps, event, record.messageId);
    logger.info('Event fanned out to webhooks', { eventId: event.eventId, detailType: event.detailType, deliveries });
  });

export const handler = buildHandler();
