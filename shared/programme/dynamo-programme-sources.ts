import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { enrollmentKey, participantKey } from '#shared/kernel/store/keys';
import type { EnrollmentStanding, ProgrammeSources } from './ports.ts';

/** Reads only the participant's group and erasure mark, and an enrollment's owner and completion: never private fields. */
export function buildProgrammeSources(doc: DynamoDBDocumentClient, table: string): ProgrammeSources {
  return {
    async participant(participantId) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: participantKey(participantId), ProjectionExpression: 'groupId, erasedAt' }),
      );
      if (!Item) return undefined;
      return { groupId: Item.groupId as string, erased: Item.erasedAt !== undefined };
    },
    async enrollment(enrollmentId) {
      const { Item } = await doc.send(
        new GetCommand({
          TableName: table,
          Key: enrollmentKey(enrollmentId),
          // Strong: a follow-up may be recorded moments after the completion it follows, and is refused without it.
          ConsistentRead: true,
          ProjectionExpression: 'participantId, groupId, #status, completedAt',
          ExpressionAttributeNames: { '#status': 'status' },
        }),
      );
      if (!Item) return undefined;
      const e = Item as EnrollmentStanding;
      return { participantId: e.participantId, groupId: e.groupId, status: e.status, completedAt: e.completedAt ?? null };
    },
  };
}
