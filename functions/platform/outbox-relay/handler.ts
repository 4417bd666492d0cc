import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { EnvName, readEnv } from '#shared/kernel/env';
import { logger } from '#shared/kernel/observability/logger';
import { buildEventBridgePublisher } from '#shared/platform/eventbridge-publisher';
import { type OutboxRecord, relayOutbox } from '#shared/platform/outbox-relay';

function toOutboxRecord(record: DynamoDBStreamEvent['Records'][number]): OutboxRecord {
  const image = unmarshall((record.dynamodb?.NewImage ?? {}) as Record<string, AttributeValue>);
  return {
    sequenceNumber: record.dynamodb?.SequenceNumber ?? '',
    source: image.source,
    detailType: image.detailType,
    detail: image.detail,
  };
}

export const buildHandler = (publisher = buildEventBridgePublisher(new EventBridgeClient({}), readEnv(EnvName.eventBusName))) =>
  middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      const failed = await relayOutbox(publisher, event.Records.map(toOutboxRecord));
      if (failed.length > 0) logger.warn('Some events were not published; they will be retried', { failed: failed.length });
      return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
    });

export const handler = buildHandler();
