import { DeadlineHttpHandler } from './deadline-http-handler.ts';
import { DeadlineRetryStrategy } from './deadline-retry-strategy.ts';

/**
 * Per attempt. DynamoDB, EventBridge and SQS answer in milliseconds (DynamoDB Local's queued transactions in a few
 * hundred); an attempt still unanswered after a second is stalled. Three attempts, then, give up after about 3 s,
 * well inside an HTTP function's 10 s; the invocation's deadline caps every attempt and refuses late retries.
 */
export const clientLimits = { connectionTimeout: 500, requestTimeout: 1_000, maxAttempts: 3, minimumAttemptMs: 250 } as const;

/**
 * The configuration of every AWS SDK client we build (`new DynamoDBClient(awsClientConfig())`): timeouts and bounded
 * retries sized to the invocation's remaining time, so a dependency in trouble fails fast with an error the HTTP
 * boundary answers as 503 and a consumer reports as failed.
 */
export function awsClientConfig() {
  const { connectionTimeout, requestTimeout, maxAttempts, minimumAttemptMs } = clientLimits;
  return {
    maxAttempts,
    requestHandler: new DeadlineHttpHandler({ connectionTimeout, requestTimeout }),
    retryStrategy: new DeadlineRetryStrategy({ maxAttempts, minimumAttemptMs }),
  };
}
