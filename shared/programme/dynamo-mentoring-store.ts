import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '#shared/kernel/store/dynamo';
import { mentoringSessionKey, mentoringSessionPrefix, participantPartition } from '#shared/kernel/store/keys';
import { outboxPut } from '#shared/kernel/store/outbox';
import { type CursorCodec, queryPage } from '#shared/kernel/store/pagination';
import { failedConditions, failedOn, tagged, transactWrite } from '#shared/kernel/store/transaction';
import { eraseAttribute } from './erase-attribute.ts';
import { participantStillWritable } from './participant-condition.ts';
import type { MentoringStore } from './ports.ts';
import type { MentoringSession } from './schemas.ts';

function toSession(item: Record<string, unknown>): MentoringSession {
  const s = item as MentoringSession;
  return {
    id: s.id,
    participantId: s.participantId,
    groupId: s.groupId,
    date: s.date,
    topic: s.topic,
    durationMinutes: s.durationMinutes,
    // Absent when none were written or once erased.
    notes: s.notes ?? null,
    mentorSub: s.mentorSub,
    createdAt: s.createdAt,
  };
}

const partitionQuery = (table: string, participantId: string) => ({
  TableName: table,
  KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
  ExpressionAttributeValues: { ':pk': participantPartition(participantId), ':prefix': mentoringSessionPrefix },
  ScanIndexForward: false,
});

export function buildMentoringStore(doc: DynamoDBDocumentClient, table: string, cursors: CursorCodec): MentoringStore {
  const allOf = async (participantId: string) =>
    // Strong: the export and the erasure must find a session recorded a moment before.
    (await queryAll(doc, { ...partitionQuery(table, participantId), ConsistentRead: true })).map(toSession);
  return {
    async record(session, event) {
      const { notes, ...rest } = session;
      const items = [
        tagged('participant', participantStillWritable(table, session.participantId, session.groupId)),
        tagged('session', {
          Put: {
            TableName: table,
            Item: {
              ...mentoringSessionKey(session.participantId, session.date, session.id),
              entity: 'mentoring-session',
              ...rest,
              ...(notes === null ? {} : { notes }),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
        tagged('event', outboxPut(table, event)),
      ];
      try {
        await transactWrite(doc, items);
        return 'recorded';
      } catch (error) {
        if (failedOn(failedConditions(error, items), 'participant')) return 'participant-gone';
        throw error;
      }
    },
    async list(participantId, page) {
      const found = await queryPage(doc, partitionQuery(table, participantId), page, cursors);
      return { items: found.items.map(toSession), nextCursor: found.nextCursor };
    },
    allOf,
    async eraseNotes(participantId, erasedAt) {
      const keys = (await allOf(participantId)).map((session) => mentoringSessionKey(participantId, session.date, session.id));
      await eraseAttribute(doc, table, keys, 'notes', erasedAt);
    },
  };
}
