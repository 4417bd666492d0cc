import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { BusinessRuleError, ConflictError, NotFoundError } from '#shared/kernel/errors';
import { isConditionFailure } from '#shared/kernel/store/dynamo';
import { failedConditions, failedOn, tagged, transactWrite } from '#shared/kernel/store/transaction';
import { groupKey, groupParticipants, indexKeys, indexQuery, participantKey } from '#shared/kernel/store/keys';
import { outboxPut } from '#shared/kernel/store/outbox';
import { type CursorCodec, queryPage } from '#shared/kernel/store/pagination';
import type { ParticipantStore } from './ports.ts';
import type { Participant } from './schemas.ts';

/** Field by field, so no storage attribute or future column reaches a caller by accident. */
function toParticipant(item: Record<string, unknown>): Participant {
  const p = item as Participant;
  return {
    id: p.id,
    // Erasure removes these attributes rather than storing empty values: nothing of them stays behind.
    legalName: p.legalName ?? null,
    registerNumber: p.registerNumber ?? null,
    groupId: p.groupId,
    supervisionEndsOn: p.supervisionEndsOn,
    phone: p.phone ?? null,
    officerSub: p.officerSub,
    sellerStatus: p.sellerStatus,
    profile: { displayName: p.profile.displayName, story: p.profile.story, publicConsent: p.profile.publicConsent },
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    erasedAt: p.erasedAt ?? null,
  };
}

/** The attributes erasure removes: the private fields the contract names and the public profile's texts. */
const erasedAttributes = ['legalName', 'registerNumber', 'phone'];

export function buildParticipantStore(doc: DynamoDBDocumentClient, table: string, cursors: CursorCodec): ParticipantStore {
  return {
    async register(participant, event) {
      // Never stored as null: "not erased" is the attribute's absence, which conditions test with attribute_not_exists.
      const { erasedAt: _erasedAt, ...stored } = participant;
      const items = [
        tagged('group', {
          ConditionCheck: { TableName: table, Key: groupKey(participant.groupId), ConditionExpression: 'attribute_exists(pk)' },
        }),
        tagged('participant', {
          Put: {
            TableName: table,
            Item: {
              ...participantKey(participant.id),
              entity: 'participant',
              ...indexKeys(groupParticipants(participant.groupId), participant.id),
              ...stored,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
        tagged('event', outboxPut(table, event)),
      ];
      try {
        await transactWrite(doc, items);
      } catch (error) {
        if (failedOn(failedConditions(error, items), 'group')) throw new BusinessRuleError('The group does not exist');
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
          ...indexQuery(groupParticipants(groupId)),
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
            // An erasure that won the race stays won: a profile update in flight cannot bring the texts back.
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(erasedAt)',
            ExpressionAttributeValues: { ':profile': profile, ':updatedAt': updatedAt },
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return toParticipant(Attributes ?? {});
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        if (error instanceof Error && 'Item' in error && error.Item) throw new ConflictError("The participant's personal data was erased");
        throw new NotFoundError('Participant');
      }
    },
    async erase(participantId, erasedAt) {
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: participantKey(participantId),
            UpdateExpression: `SET profile = :profile, erasedAt = :at, updatedAt = :at REMOVE ${erasedAttributes.join(', ')}`,
            // Once: a repeat finds the record erased and leaves it (and its timestamps) as it is.
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(erasedAt)',
            ExpressionAttributeValues: { ':profile': { displayName: null, story: null, publicConsent: false }, ':at': erasedAt },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return toParticipant(Attributes ?? {});
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        // Strong: the erasure that made the condition fail may have been written a moment ago; answer with it.
        const { Item } = await doc.send(new GetCommand({ TableName: table, Key: participantKey(participantId), ConsistentRead: true }));
        return Item ? toParticipant(Item) : undefined;
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
