import type { Context } from 'aws-lambda';

/** The Lambda context a test calls a handler with: what our wrappers read of it (name, request id, time left). */
export const lambdaContext = (functionName = 'test') =>
  ({ functionName, awsRequestId: 'req-1', getRemainingTimeInMillis: () => 1000 }) as unknown as Context;
