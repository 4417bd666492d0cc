import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { BusinessRuleError, NotFoundError } from '#shared/errors';
import { failedConditions, transactWrite, isConditionFailure } from '#shared/store/dynamo';
import { groupKey, participantKey } from '#shared/store/keys';
import { outboxPut } from '#shared/store/outbox';
import { type CursorCodec, queryPage } from '#shared/store/pagination';
import type { ParticipantStore } from './ports.ts';
import type { Participant } from './schemas.ts';

/** Field by field, so no storage attribute or future column reaches a caller by accident. */
function toParticipant(item: Record<string, unknown>): Participant {
  const p = item as Participant;
  return {
    id: p.id,
    legalName: p.legalName,
    registerNumber: p.registerNumber,
    groupId: p.groupId,
    supervisionEndsOn: p.supervisionEndsOn,
    phone: p.phone ?? null,
    officerSub: p.officerSub,
    sellerStatus: p.sellerStatus,
    profile: { displayName: p.profile.displayName, story: p.profile.story, publicConsent: p.profile.publicConsent },
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function buildParticipantStore(doc: DynamoDBDocumentClient, table: string, cursors: CursorCodec): ParticipantStore {
  return {
    async register(participant, event) {
      try {
        await transactWrite(doc, [
          { ConditionCheck: { TableName: table, Key: groupKey(participant.groupId), ConditionExpression: 'attribute_exists(pk)' } },
          {
            Put: {
              TableName: table,
              Item: {
                ...participantKey(participant.id),
                entity: 'participant',
                gsi1pk: `GROUP#${participant.groupId}#PARTICIPANTS`,
                gsi1sk: participant.id,
                ...participant,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          outboxPut(table, event),
        ]);
      } catch (error) {
        if (failedConditions(error)?.[0]) throw new BusinessRuleError('The group does not exist');
        throw error;
      }
    },
    async get(participantId) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: participantKey(participantId) }));
      return Item ? toParticipant(Item) : undefined;
    },
    async listByGroup(groupId, page) {
      const result = await queryPage(
        doc,
        {
          TableName: table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': `GROUP#${groupId}#PARTICIPANTS` },
          ScanIndexForward: false,
        },
        page,
        cursors,
      );
      return { items: result.items.map(toParticipant), nextCursor: result.nextCursor };
    },
    async updateProfile(participantId, profile, updatedAt) {
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: participantKey(participantId),
            UpdateExpression: 'SET profile = :profile, updatedAt = :updatedAt',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':profile': profile, ':updatedAt': updatedAt },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return toParticipant(Attributes ?? {});
      } catch (error) {
        if (isConditionFailure(error)) throw new NotFoundError('Participant');
        throw error;
      }
    },
    async markEligible(participantId, updatedAt) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: participantKey(participantId),
            UpdateExpression: 'SET sellerStatus = :eligible, updatedAt = :updatedAt',
            ConditionExpression: 'attribute_exists(pk) AND sellerStatus <> :eligible',
            ExpressionAttributeValues: { ':eligible': 'eligible', ':updatedAt': updatedAt },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
}
