import type { ScheduledEvent } from 'aws-lambda';
import type { FunctionDeclaration, ScheduleTrigger } from '#shared/kernel/declaration';
import { consumer } from './consumer.ts';

/**
 * The consumer of a scheduled rule's invocations. The event says only when it fired; the work is whatever is due by
 * then. A failure throws, so Lambda retries the invocation and then parks it in the dead-letter queue, which alarms.
 */
export function scheduleHandler(_declaration: FunctionDeclaration<ScheduleTrigger>, run: () => Promise<void>) {
  return consumer<ScheduledEvent, void>(() => run());
}
