import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '#shared/kernel/observability/logger';

/**
 * Wraps a work-queue consumer: every message of the batch is handled at once (one slow message does not hold up
 * the others), and only the messages that failed are reported (ReportBatchItemFailures), so SQS retries those
 * alone and, after maxReceiveCount, moves them to the dead-letter queue.
 */
export function queueHandler(run: (record: SQSRecord) => Promise<void>) {
  return middy<SQSEvent, SQSBatchResponse>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      const results = await Promise.allSettled(event.Records.map((record) => run(record)));
      const batchItemFailures = results.flatMap((result, index) => {
        if (result.status === 'fulfilled') return [];
        const record = event.Records[index] as SQSRecord;
        logger.error('Queue message failed; SQS will retry it', { messageId: record.messageId, error: result.reason as Error });
        return [{ itemIdentifier: record.messageId }];
      });
      return { batchItemFailures };
    });
}
