import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { participantKey } from '#shared/kernel/store/keys';
import type { ArtisanStore } from './ports.ts';
import type { Profile } from './schemas.ts';

/** What of a participant item the public artisan page reads: the keys DynamoDB matches the grant on, and these. */
const publicAttributes = ['id', 'groupId', 'profile'] as const;

/** The attributes get-artisan's grant allows (fine-grained access control), so IAM refuses it a register number. */
export const artisanAttributes = ['pk', 'sk', ...publicAttributes] as const;

export function buildArtisanStore(doc: DynamoDBDocumentClient, table: string): ArtisanStore {
  return {
    async publicProfile(participantId) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: participantKey(participantId), ProjectionExpression: publicAttributes.join(', ') }),
      );
      if (!Item) return undefined;
      const { displayName, story, publicConsent } = Item.profile as Profile;
      return { id: Item.id as string, groupId: Item.groupId as string, profile: { displayName, story, publicConsent } };
    },
  };
}
