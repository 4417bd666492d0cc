import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { participantKey } from '#shared/kernel/store/keys';
import type { ProgrammeSources } from './ports.ts';

/** Reads only the participant's group and erasure mark: never their private fields. */
export function buildProgrammeSources(doc: DynamoDBDocumentClient, table: string): ProgrammeSources {
  return {
    async participant(participantId) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: participantKey(participantId), ProjectionExpression: 'groupId, erasedAt' }),
      );
      if (!Item) return undefined;
      return { groupId: Item.groupId as string, erased: Item.erasedAt !== undefined };
    },
  };
}
