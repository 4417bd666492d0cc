import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { allGroups, groupKey, indexKeys, indexQuery } from '#shared/kernel/store/keys';
import { type CursorCodec, queryPage } from '#shared/kernel/store/pagination';
import type { GroupStore } from './ports.ts';
import type { Group } from './schemas.ts';

function toGroup(item: Record<string, unknown>): Group {
  const { id, name, focus, district, participantSharePercent, createdAt } = item as Group;
  return { id, name, focus, district, participantSharePercent, createdAt };
}

export function buildGroupStore(doc: DynamoDBDocumentClient, table: string, cursors: CursorCodec): GroupStore {
  return {
    async create(group) {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { ...groupKey(group.id), entity: 'group', ...indexKeys(allGroups(), group.id), ...group },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },
    async get(groupId) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: groupKey(groupId) }));
      return Item ? toGroup(Item) : undefined;
    },
    async list(page) {
      const result = await queryPage(
        doc,
        {
          TableName: table,
          ...indexQuery(allGroups()),
          ScanIndexForward: false,
        },
        page,
        cursors,
      );
      return { items: result.items.map(toGroup), nextCursor: result.nextCursor };
    },
  };
}
