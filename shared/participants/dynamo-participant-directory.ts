import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { participantKey } from '#shared/kernel/store/keys';
import type { ParticipantDirectory } from './ports.ts';

/** Reads only the group: the contexts that ask have no business with private fields. */
export function buildParticipantDirectory(doc: DynamoDBDocumentClient, table: string): ParticipantDirectory {
  return {
    async groupOf(participantId) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: participantKey(participantId), ProjectionExpression: 'groupId' }),
      );
      return Item?.groupId as string | undefined;
    },
  };
}
