import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, InvalidEventPatternException, TestEventPatternCommand } from '@aws-sdk/client-eventbridge';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { localAccountId } from '#infra/local/lambda/invoker';
import { localNames, localRegion } from '#infra/local/runtime';
import { call } from '#test/support/api/client';

interface Services {
  dynamodb: string;
  s3: string;
  eventbridge: string;
  sqs: string;
}

const clientConfig = (endpoint: string) => ({
  endpoint,
  region: localRegion,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  maxAttempts: 1,
});

let services: Services;

beforeAll(async () => {
  services = (await call('GET', '/_local/services')).body as Services;
});

describe('GET /_local/services', () => {
  it('answers the URL of each local endpoint', async () => {
    // Act
    const response = await call('GET', '/_local/services');

    // Assert
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(Object.keys(response.body).sort()).toEqual(['dynamodb', 'eventbridge', 's3', 'sqs']);
    for (const url of Object.values(response.body as Services)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(response.body).toMatchObject({
      dynamodb: inject('dynamoEndpoint'),
      s3: inject('s3Endpoint'),
      eventbridge: inject('eventBusEndpoint'),
    });
  });

  it('names endpoints the real SDK clients work against', async () => {
    // Prepare
    const dynamodb = new DynamoDBClient(clientConfig(services.dynamodb));
    const s3 = new S3Client(clientConfig(services.s3));
    const sqs = new SQSClient(clientConfig(services.sqs));

    try {
      // Act
      const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: localNames.tableName }));
      const bucket = await s3.send(new HeadBucketCommand({ Bucket: localNames.bucketName }));
      const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'pas-kreatif-local-webhook-events' }));

      // Assert
      expect(Table?.TableStatus).toBe('ACTIVE');
      expect(bucket.$metadata.httpStatusCode).toBe(200);
      expect(QueueUrl).toBe(`${services.sqs}/${localAccountId}/pas-kreatif-local-webhook-events`);
    } finally {
      dynamodb.destroy();
      s3.destroy();
      sqs.destroy();
    }
  });
});

describe("the local EventBridge's TestEventPattern", () => {
  const event = {
    version: '0',
    id: 'b2d6a6a4-0e1c-4d4a-9f0e-3f1f0c5f6a01',
    'detail-type': 'OrderPlaced',
    source: 'pas-kreatif.orders',
    account: localAccountId,
    time: '2026-11-28T05:36:47Z',
    region: localRegion,
    resources: [],
    detail: { metadata: { version: 1 }, data: { orderId: 'ord_1', totalIdr: 150_000, items: [{ quantity: 2 }] } },
  };
  const testPattern = async (pattern: unknown, tested: unknown = event) => {
    const bus = new EventBridgeClient(clientConfig(services.eventbridge));
    try {
      const input = {
        EventPattern: typeof pattern === 'string' ? pattern : JSON.stringify(pattern),
        Event: typeof tested === 'string' ? tested : JSON.stringify(tested),
      };
      return (await bus.send(new TestEventPatternCommand(input))).Result;
    } finally {
      bus.destroy();
    }
  };

  it.each<[string, unknown]>([
    ['source and detail-type', { source: ['pas-kreatif.orders'], 'detail-type': ['OrderPlaced'] }],
    ['a numeric range in detail', { detail: { data: { totalIdr: [{ numeric: ['>=', 100_000, '<', 200_000] }] } } }],
    ['a prefix', { detail: { data: { orderId: [{ prefix: 'ord_' }] } } }],
    ['a field in an array of objects', { detail: { data: { items: { quantity: [2] } } } }],
    ['$or with one matching branch', { $or: [{ source: ['elsewhere'] }, { 'detail-type': ['OrderPlaced'] }] }],
    ['exists: false on an absent field', { detail: { data: { refund: [{ exists: false }] } } }],
  ])('matches by %s', async (_name, pattern) => {
    // Act
    const result = await testPattern(pattern);

    // Assert
    expect(result).toBe(true);
  });

  it.each<[string, unknown]>([
    ['another source', { source: ['pas-kreatif.catalog'] }],
    ['a numeric bound the value is outside', { detail: { data: { totalIdr: [{ numeric: ['>', 150_000] }] } } }],
    ['anything-but the value', { 'detail-type': [{ 'anything-but': 'OrderPlaced' }] }],
    ['a field the event lacks', { detail: { data: { refund: [{ exists: true }] } } }],
  ])('does not match by %s', async (_name, pattern) => {
    // Act
    const result = await testPattern(pattern);

    // Assert
    expect(result).toBe(false);
  });

  it.each<[string, unknown, RegExp]>([
    ['text that is not JSON', '{"source": [', /not valid/],
    ['a pattern that is not an object', '["pas-kreatif.orders"]', /must be a JSON object/],
    ['a leaf that is not an array', { source: 'pas-kreatif.orders' }, /"source".*must be an array/],
    ['an unknown operator', { source: [{ foo: 1 }] }, /unknown operator "foo"/],
    ['an empty array', { source: [] }, /empty arrays/],
    ['a numeric with a bad shape', { detail: { data: { totalIdr: [{ numeric: ['>', 0, '>', 0] }] } } }, /numeric takes/],
    ['a prefix that is not a string', { source: [{ prefix: 1 }] }, /prefix must be a string/],
    ['a non-boolean exists', { source: [{ exists: 'yes' }] }, /exists must be true or false/],
    ['$or with one alternative', { $or: [{ source: ['a'] }] }, /at least two/],
  ])('refuses %s with InvalidEventPatternException', async (_name, pattern, message) => {
    // Act
    const testing = testPattern(pattern);

    // Assert
    const error = await testing.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(InvalidEventPatternException);
    expect((error as Error).message).toMatch(/^Event pattern is not valid\. Reason: /);
    expect((error as Error).message).toMatch(message);
    expect((error as InvalidEventPatternException).$metadata.httpStatusCode).toBe(400);
  });

  it.each<[string, unknown]>([
    ['not JSON', '{"id": '],
    ['not an object', '[]'],
    ['without an id', { ...event, id: undefined }],
    ['without a detail-type', { ...event, 'detail-type': undefined }],
    ['without a time', { ...event, time: undefined }],
  ])('refuses an event that is %s with a ValidationException, as EventBridge does', async (_name, tested) => {
    // Act
    const testing = testPattern({ source: ['pas-kreatif.orders'] }, tested);

    // Assert
    await expect(testing).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/^Parameter Event is not valid\./),
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('tests an event without resources, which EventBridge does not require', async () => {
    // Prepare
    const { resources: _resources, ...withoutResources } = event;

    // Act
    const result = await testPattern({ source: ['pas-kreatif.orders'] }, withoutResources);

    // Assert
    expect(result).toBe(true);
  });
});
