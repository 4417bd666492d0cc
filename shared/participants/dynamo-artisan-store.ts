import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { participantKey } from '#shared/kernel/store/keys';
import { publicAttributes } from './artisan-attributes.ts';
import type { ArtisanStore } from './ports.ts';
import type { Profile } from './schemas.ts';

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
