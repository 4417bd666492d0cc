import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { awsClientConfig } from '#shared/kernel/aws/client-config';
import { type StreamImage, tableStreamHandler } from '#shared/kernel/consumers/table-stream-handler';
import { EnvName, readEnv } from '#shared/kernel/env';
import { logger } from '#shared/kernel/observability/logger';
import { buildEventBridgePublisher } from '#shared/platform/eventbridge-publisher';
import { type OutboxRecord, relayOutbox } from '#shared/platform/outbox-relay';
import declaration from './function.ts';

const toOutboxRecord = ({ sequenceNumber, image }: StreamImage): OutboxRecord => ({
  sequenceNumber,
  source: image.source as string,
  detailType: image.detailType as string,
  detail: image.detail,
});

export const buildHandler = (
  publisher = buildEventBridgePublisher(new EventBridgeClient(awsClientConfig()), readEnv(EnvName.eventBusName)),
) =>
  tableStreamHandler(declaration, async (images) => {
    const failed = await relayOutbox(publisher, images.map(toOutboxRecord));
    if (failed.length > 0) logger.warn('Some events were not published; they will be retried', { failed: failed.length });
    return failed;
  });

export const handler = buildHandler();
