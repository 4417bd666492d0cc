import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { EventBridgeEvent } from 'aws-lambda';
import { detailSchema, type EventContract, type EventDetail } from '#events/event-contract';
import { logger } from '#shared/observability/logger';

/**
 * Wraps an event consumer: the detail is parsed by the event's contract, so a consumer
 * never acts on a malformed event. Throwing lets the platform retry and then dead-letter.
 */
export function eventHandler<C extends EventContract>(contract: C, run: (detail: EventDetail<C>) => Promise<void>) {
  const schema = detailSchema(contract);
  return middy<EventBridgeEvent<string, unknown>, void>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      const detail = schema.parse(event.detail) as EventDetail<C>;
      logger.appendKeys({ eventId: detail.metadata.eventId, detailType: contract.detailType });
      await run(detail);
    });
}
