import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { BusinessRuleError } from '#shared/kernel/errors';
import { failedConditions, failedOn, tagged, transactWrite } from '#shared/kernel/store/transaction';
import { allPrograms, groupKey, groupPrograms, indexKeys, indexQuery, programKey } from '#shared/kernel/store/keys';
import { type CursorCodec, queryPage } from '#shared/kernel/store/pagination';
import type { ProgramStore } from './ports.ts';
import type { Program } from './schemas.ts';

function toProgram(item: Record<string, unknown>): Program {
  const { id, groupId, title, description, skills, sessionsRequired, createdAt } = item as Program;
  return { id, groupId, title, description, skills, sessionsRequired, createdAt };
}

export function buildProgramStore(doc: DynamoDBDocumentClient, table: string, cursors: CursorCodec): ProgramStore {
  return {
    async create(program) {
      const items = [
        tagged('group', {
          ConditionCheck: { TableName: table, Key: groupKey(program.groupId), ConditionExpression: 'attribute_exists(pk)' },
        }),
        tagged('program', {
          Put: {
            TableName: table,
            Item: {
              ...programKey(program.id),
              entity: 'program',
              ...indexKeys(groupPrograms(program.groupId), program.id),
              ...indexKeys(allPrograms(), program.id),
              ...program,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
      ];
      try {
        await transactWrite(doc, items);
      } catch (error) {
        if (failedOn(failedConditions(error, items), 'group')) throw new BusinessRuleError('The group does not exist');
        throw error;
      }
    },
    async get(programId) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: programKey(programId) }));
      return Item ? toProgram(Item) : undefined;
    },
    async list(groupId, page) {
      const result = await queryPage(
        doc,
        {
          TableName: table,
          ...indexQuery(groupId ? groupPrograms(groupId) : allPrograms()),
          ScanIndexForward: false,
        },
        page,
        cursors,
      );
      return { items: result.items.map(toProgram), nextCursor: result.nextCursor };
    },
  };
}
