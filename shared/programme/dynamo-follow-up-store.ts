import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, queryAll } from '#shared/kernel/store/dynamo';
import {
  followUpKey,
  followUpPrefix,
  followUpSort,
  groupDoneFollowUps,
  groupOpenFollowUps,
  indexKeys,
  indexQuery,
  participantPartition,
} from '#shared/kernel/store/keys';
import { outboxPut } from '#shared/kernel/store/outbox';
import { type CursorCodec, queryPage } from '#shared/kernel/store/pagination';
import { failedConditions, failedOn, tagged, transactWrite } from '#shared/kernel/store/transaction';
import { eraseAttribute } from './erase-attribute.ts';
import { dueUntil, followUpStatus, overdueBefore } from './follow-up-schedule.ts';
import { participantStillWritable } from './participant-condition.ts';
import type { FollowUpStore } from './ports.ts';
import type { FollowUp, FollowUpDue } from './schemas.ts';

const recorded = (item: Record<string, unknown>) => typeof item.id === 'string';

function toFollowUp(item: Record<string, unknown>): FollowUp {
  const f = item as FollowUp;
  return {
    id: f.id,
    participantId: f.participantId,
    groupId: f.groupId,
    enrollmentId: f.enrollmentId,
    monthsAfter: f.monthsAfter,
    dueOn: f.dueOn,
    contactedOn: f.contactedOn,
    working: f.working,
    monthlyIncomeBand: f.monthlyIncomeBand,
    stillSelling: f.stillSelling,
    // Absent when none were written or once erased.
    notes: f.notes ?? null,
    recordedBy: f.recordedBy,
    createdAt: f.createdAt,
  };
}

const toDue =
  (today: string) =>
  (item: Record<string, unknown>): FollowUpDue => {
    const slot = item as FollowUpDue & { id?: string };
    return {
      participantId: slot.participantId,
      enrollmentId: slot.enrollmentId,
      monthsAfter: slot.monthsAfter,
      dueOn: slot.dueOn,
      status: followUpStatus(slot.dueOn, recorded(item), today),
      ...(slot.id === undefined ? {} : { followUpId: slot.id }),
    };
  };

/** Only the slot's own attributes: the list never reads what the participant told. */
const slotProjection = {
  ProjectionExpression: 'pk, sk, gsi1pk, gsi1sk, participantId, enrollmentId, monthsAfter, dueOn, #id',
  ExpressionAttributeNames: { '#id': 'id' },
};

const partitionQuery = (table: string, participantId: string) => ({
  TableName: table,
  KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
  ExpressionAttributeValues: { ':pk': participantPartition(participantId), ':prefix': followUpPrefix },
});

export function buildFollowUpStore(doc: DynamoDBDocumentClient, table: string, cursors: CursorCodec): FollowUpStore {
  const allOf = async (participantId: string) =>
    // Strong: the export and the erasure must find a follow-up recorded a moment before.
    (await queryAll(doc, { ...partitionQuery(table, participantId), ConsistentRead: true })).filter(recorded).map(toFollowUp);
  return {
    async open(slots) {
      let opened = 0;
      for (const slot of slots) {
        try {
          await doc.send(
            new PutCommand({
              TableName: table,
              Item: {
                ...followUpKey(slot.participantId, slot.enrollmentId, slot.monthsAfter),
                ...indexKeys(groupOpenFollowUps(slot.groupId), followUpSort(slot.dueOn, slot.enrollmentId, slot.monthsAfter)),
                entity: 'follow-up',
                ...slot,
              },
              // Open or recorded already (a repeated event, or a record that came first): it stays as it is.
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          );
          opened += 1;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
      return opened;
    },
    async record(followUp, event) {
      const { notes, ...rest } = followUp;
      const items = [
        tagged('participant', participantStillWritable(table, followUp.participantId, followUp.groupId)),
        tagged('follow-up', {
          // An upsert of the slot: whether the consumer opened it yet or not, it is done from now on.
          Put: {
            TableName: table,
            Item: {
              ...followUpKey(followUp.participantId, followUp.enrollmentId, followUp.monthsAfter),
              ...indexKeys(groupDoneFollowUps(followUp.groupId), followUpSort(followUp.dueOn, followUp.enrollmentId, followUp.monthsAfter)),
              entity: 'follow-up',
              ...rest,
              ...(notes === null ? {} : { notes }),
            },
            // The one condition two concurrent records of a slot race on: the first makes the second fail it.
            ConditionExpression: 'attribute_not_exists(#id)',
            ExpressionAttributeNames: { '#id': 'id' },
          },
        }),
        tagged('event', outboxPut(table, event)),
      ];
      try {
        await transactWrite(doc, items);
        return 'recorded';
      } catch (error) {
        const failed = failedConditions(error, items);
        if (failedOn(failed, 'follow-up')) return 'duplicate';
        if (failedOn(failed, 'participant')) return 'participant-gone';
        throw error;
      }
    },
    async list(groupId, { status, ...page }, today) {
      const query =
        status === 'done'
          ? { ...indexQuery(groupDoneFollowUps(groupId)), ScanIndexForward: false }
          : (() => {
              const open = indexQuery(groupOpenFollowUps(groupId));
              // '$' sorts after '#': every `<day>#…` of the last due day is before `<day>$`; overdue ends before its day.
              const bound = status === 'due' ? `${dueUntil(today)}$` : overdueBefore(today);
              return {
                ...open,
                KeyConditionExpression: `${open.KeyConditionExpression} AND ${open.IndexName}sk < :bound`,
                ExpressionAttributeValues: { ...open.ExpressionAttributeValues, ':bound': bound },
                ScanIndexForward: true,
              };
            })();
      const found = await queryPage(doc, { TableName: table, ...query, ...slotProjection }, page, cursors);
      return { items: found.items.map(toDue(today)), nextCursor: found.nextCursor };
    },
    allOf,
    async eraseNotes(participantId, erasedAt) {
      const keys = (await allOf(participantId)).map((followUp) => followUpKey(participantId, followUp.enrollmentId, followUp.monthsAfter));
      await eraseAttribute(doc, table, keys, 'notes', erasedAt);
    },
  };
}
