import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import { accessLogPartition, accessRecordKey } from '#shared/kernel/store/keys';
import { type CursorCodec, queryPage } from '#shared/kernel/store/pagination';
import { type AccessLog, accessLogRetentionDays } from './access-log.ts';
import type { AccessRecord } from './access-record.ts';

// Monotonic, so two records of one millisecond keep their order in the sort key too.
const ulid = monotonicFactory();
const retentionSeconds = accessLogRetentionDays * 24 * 60 * 60;

function toRecord(item: Record<string, unknown>): AccessRecord {
  const r = item as AccessRecord;
  return { at: r.at, actorSub: r.actorSub, actorRoles: r.actorRoles, action: r.action, participantId: r.participantId };
}

/**
 * One partition per participant (`ACCESS#<prt>`). Plain PutItems, one per record, in parallel: a roster page
 * is at most 100, and BatchWriteItem would need a grant of its own (and retries of unprocessed items).
 */
export function buildAccessLog(doc: DynamoDBDocumentClient, table: string, cursors: CursorCodec): AccessLog {
  return {
    async append(records) {
      await Promise.all(
        records.map((record) =>
          doc.send(
            new PutCommand({
              TableName: table,
              Item: {
                ...accessRecordKey(record.participantId, record.at, ulid()),
                entity: 'access',
                ...record,
                expiresAt: Math.floor(Date.parse(record.at) / 1000) + retentionSeconds,
              },
            }),
          ),
        ),
      );
    },
    async list(participantId, page) {
      const result = await queryPage(
        doc,
        {
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': accessLogPartition(participantId) },
          ScanIndexForward: false,
        },
        page,
        cursors,
      );
      return { items: result.items.map(toRecord), nextCursor: result.nextCursor };
    },
  };
}
