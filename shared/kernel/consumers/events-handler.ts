import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { EventBridgeEvent } from 'aws-lambda';
import { detailSchema, type EventContract, type EventDetail } from '#events/event-contract';
import { logger } from '#shared/kernel/observability/logger';

/** What a consumer of several event types does with one of them; `on` keeps the detail typed by its contract. */
export interface EventCase {
  contract: EventContract;
  run(detail: EventDetail<EventContract>): Promise<void>;
}

export function on<C extends EventContract>(contract: C, run: (detail: EventDetail<C>) => Promise<void>): EventCase {
  return { contract, run: run as EventCase['run'] };
}

const keyOf = (source: string, detailType: string) => `${source}\u0000${detailType}`;

/**
 * A consumer of one or more event types: the event's source and detail-type pick the case, whose contract parses
 * the detail, so a consumer never acts on a malformed event. An event no case names is an error (the rule's pattern
 * should not have let it through), so, like a consumer's own failure, it is retried and then dead-lettered rather
 * than silently dropped.
 */
export function eventsHandler(cases: readonly EventCase[]) {
  const byType = new Map(cases.map((entry) => [keyOf(entry.contract.source, entry.contract.detailType), entry]));
  const schemas = new Map(cases.map((entry) => [entry, detailSchema(entry.contract)]));
  return middy<EventBridgeEvent<string, unknown>, void>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      const entry = byType.get(keyOf(event.source, event['detail-type']));
      if (!entry) throw new Error(`No case for ${event['detail-type']} from ${event.source}`);
      const detail = schemas.get(entry)?.parse(event.detail) as EventDetail<EventContract>;
      logger.appendKeys({ eventId: detail.metadata.eventId, detailType: entry.contract.detailType });
      await entry.run(detail);
    });
}
