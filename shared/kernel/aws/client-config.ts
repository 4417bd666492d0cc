import { DeadlineHttpHandler } from './deadline-http-handler.ts';
import { DeadlineRetryStrategy } from './deadline-retry-strategy.ts';

/**
 * Per attempt. DynamoDB, EventBridge and SQS answer in milliseconds (DynamoDB Local's queued transactions in a few
 * hundred); an attempt still unanswered after a second is stalled. Three attempts, then, give up after about 3 s,
 * well inside an HTTP function's 10 s; the invocation's deadline caps every attempt and refuses late retries.
 */
export const clientLimits = { connectionTimeout: 500, requestTimeout: 1_000, maxAttempts: 3, minimumAttemptMs: 250 } as const;

/**
 * A request waiting for a free socket is already counting its connection timeout, so the pool must never be what
 * holds it up: the SDK's default of 50 turned a burst of 260 reads on the local runtime (where every invocation
 * shares the process's clients) into 126 timeouts. Deployed, a container serves one invocation at a time, but one
 * invocation may still send up to 100 requests at once (a roster page's access-log records).
 */
const maxSockets = 1_000;

/**
 * The configuration of every AWS SDK client we build (`new DynamoDBClient(awsClientConfig())`): timeouts and bounded
 * retries sized to the invocation's remaining time, so a dependency in trouble fails fast with an error the HTTP
 * boundary answers as 503 and a consumer reports as failed.
 */
export function awsClientConfig() {
  const { connectionTimeout, requestTimeout, maxAttempts, minimumAttemptMs } = clientLimits;
  return {
    maxAttempts,
    requestHandler: new DeadlineHttpHandler({ connectionTimeout, requestTimeout, maxSockets }),
    retryStrategy: new DeadlineRetryStrategy({ maxAttempts, minimumAttemptMs }),
  };
}
