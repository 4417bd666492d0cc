import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { participantKey } from '#shared/kernel/store/keys';
import type { SellerDirectory } from './ports.ts';

/** Reads only the group and seller status: the catalog has no business with private fields. */
export function buildSellerDirectory(doc: DynamoDBDocumentClient, table: string): SellerDirectory {
  return {
    async sellerOf(participantId) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: participantKey(participantId), ProjectionExpression: 'groupId, sellerStatus' }),
      );
      return Item ? { groupId: Item.groupId as string, sellerStatus: Item.sellerStatus as string } : undefined;
    },
  };
}
