import { AwsServiceError, type AwsJsonEndpoint, serveAwsJson } from '#infra/local/aws-json';
import { type EventBus, maxPutEventsBytes } from './bus.ts';
import { testEventPattern } from './test-event-pattern.ts';

/**
 * The local EventBridge's wire: the AWS JSON 1.1 operations (PutEvents, TestEventPattern) that the real
 * @aws-sdk/client-eventbridge reaches through AWS_ENDPOINT_URL_EVENTBRIDGE.
 */
export function serveEventBridge(options: { bus: EventBus; port: number; log: (line: string) => void }): Promise<AwsJsonEndpoint> {
  return serveAwsJson({
    service: 'local event bus',
    version: '1.1',
    targetPrefix: 'AWSEvents',
    maxRequestBytes: 2 * maxPutEventsBytes,
    port: options.port,
    log: options.log,
    errors: {
      unsupported: (message, what) => new AwsServiceError('UnknownOperationException', message, what === 'method' ? 404 : 400),
      malformed: () => new AwsServiceError('SerializationException', 'The request body is not valid JSON'),
      internal: (message) => new AwsServiceError('InternalException', message, 500),
    },
    operations: {
      PutEvents: (input) => options.bus.putEvents(input),
      TestEventPattern: testEventPattern,
    },
  });
}
