import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { FunctionDeclaration, Trigger } from '#shared/kernel/declaration';
import { consumer } from './consumer.ts';

/** A stream record as a consumer sees it: the item as written (the filter passes only the declared rows). */
export interface StreamImage {
  sequenceNumber: string;
  image: Record<string, unknown>;
}

/**
 * The consumer of the table stream. The declaration pins the trigger kind; its filter decides which records arrive.
 * The batch goes to the consumer whole, in stream order, and it answers the sequence numbers it failed: the
 * stream resumes from the first of them (ReportBatchItemFailures), so nothing after a failure is skipped.
 */
export function tableStreamHandler(
  declaration: FunctionDeclaration<Extract<Trigger, { kind: 'tableStream' }>>,
  run: (images: StreamImage[]) => Promise<string[]>,
) {
  return consumer<DynamoDBStreamEvent, DynamoDBBatchResponse>(async (event) => {
    const images = event.Records.map((record) => ({
      sequenceNumber: record.dynamodb?.SequenceNumber ?? '',
      image: unmarshall((record.dynamodb?.NewImage ?? {}) as Record<string, AttributeValue>),
    }));
    const failed = await run(images);
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  });
}
