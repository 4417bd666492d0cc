import type { EventBridgeEvent } from 'aws-lambda';
import type { EventContract } from '#events/event-contract';
import type { EventTrigger, FunctionDeclaration } from '#shared/kernel/declaration';
import { logger } from '#shared/kernel/observability/logger';
import { consumer } from './consumer.ts';
import { type EventCase, eventDispatch } from './event-cases.ts';

/**
 * The consumer of an event rule: one case per event contract its declaration names (eventTrigger), each event
 * parsed by its own. Throwing lets the platform retry and then dead-letter.
 */
export function eventHandler(
  declaration: FunctionDeclaration<EventTrigger & { contracts: readonly EventContract[] }>,
  cases: readonly EventCase[],
) {
  const dispatch = eventDispatch(declaration.trigger.contracts, cases);
  return consumer<EventBridgeEvent<string, unknown>, void>(async (event) => {
    const { entry, detail } = dispatch(event);
    logger.appendKeys({ eventId: detail.metadata.eventId, detailType: entry.contract.detailType });
    await entry.run(detail, { messageId: event.id });
  });
}
