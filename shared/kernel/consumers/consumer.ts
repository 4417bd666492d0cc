import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { earlyTimeout, withinDeadline } from '#shared/kernel/deadline';
import { logger } from '#shared/kernel/observability/logger';

/**
 * The house middleware every consumer wrapper builds its handler with, whatever triggers it: the logger carries the
 * invocation's context, and its keys are reset each time, so one invocation's keys never show in the next one's
 * logs. The SDK clients give up before the invocation's deadline, and a handler still running just before the
 * timeout fails: either way the trigger retries the work instead of taking it as done.
 */
export function consumer<Event, Result>(handler: (event: Event, context: Context) => Promise<Result>) {
  return middy<Event, Result>(withinDeadline(handler), earlyTimeout).use(injectLambdaContext(logger, { resetKeys: true }));
}
