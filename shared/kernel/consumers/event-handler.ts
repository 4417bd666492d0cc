import type { EventContract, EventDetail } from '#events/event-contract';
import { eventsHandler, on } from './events-handler.ts';

/**
 * Wraps an event consumer: the detail is parsed by the event's contract, so a consumer
 * never acts on a malformed event. Throwing lets the platform retry and then dead-letter.
 * A consumer of one event type is a consumer of several with a single case.
 */
export function eventHandler<C extends EventContract>(contract: C, run: (detail: EventDetail<C>) => Promise<void>) {
  return eventsHandler([on(contract, run)]);
}
