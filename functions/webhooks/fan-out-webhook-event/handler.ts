import { on } from '#shared/kernel/consumers/event-cases';
import { queueHandler } from '#shared/kernel/consumers/queue-handler';
import { logger } from '#shared/kernel/observability/logger';
import { fanOutEvent } from '#shared/webhooks/delivery';
import { webhooksQueueDeps } from '#shared/webhooks/queue-deps';
import declaration from './function.ts';

/** Every event type is fanned out alike: one case per declared contract, each event checked against its own. */
export const buildHandler = (deps = webhooksQueueDeps()) =>
  queueHandler(
    declaration,
    declaration.trigger.events.map((contract) =>
      on(contract, async ({ metadata, data }, { messageId }) => {
        const event = { eventId: metadata.eventId, detailType: contract.detailType, occurredAt: metadata.occurredAt, data };
        const deliveries = await fanOutEvent(deps, event, messageId);
        logger.info('Event fanned out to webhooks', { eventId: event.eventId, detailType: event.detailType, deliveries });
      }),
    ),
  );

export const handler = buildHandler();
