import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '#shared/kernel/observability/logger';

/**
 * The house middleware every consumer wrapper starts from, whatever triggers it: the logger carries the invocation's
 * context, and its keys are reset each time, so one invocation's keys never show in the next one's logs.
 */
export function consumer<Event, Result>() {
  return middy<Event, Result>().use(injectLambdaContext(logger, { resetKeys: true }));
}
