import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '#shared/kernel/store/dynamo';
import { participantPartition, placementKey, placementLookupKey, placementPrefix } from '#shared/kernel/store/keys';
import { outboxPut } from '#shared/kernel/store/outbox';
import { type CursorCodec, queryPage } from '#shared/kernel/store/pagination';
import { failedConditions, failedOn, tagged, transactWrite } from '#shared/kernel/store/transaction';
import { eraseAttribute } from './erase-attribute.ts';
import { participantStillWritable } from './participant-condition.ts';
import type { PlacementStore } from './ports.ts';
import type { Placement } from './schemas.ts';

/** Attributes that are null in the answer are absent in the item (the organisation once erased). */
function toPlacement(item: Record<string, unknown>): Placement {
  const p = item as Placement;
  return {
    id: p.id,
    participantId: p.participantId,
    groupId: p.groupId,
    kind: p.kind,
    organisation: p.organisation ?? null,
    sector: p.sector,
    startedOn: p.startedOn,
    endsOn: p.endsOn ?? null,
    status: p.status,
    endedOn: p.endedOn ?? null,
    outcome: p.outcome ?? null,
    createdAt: p.createdAt,
  };
}

const withoutNulls = (placement: Placement) => Object.fromEntries(Object.entries(placement).filter(([, value]) => value !== null));

const partitionQuery = (table: string, participantId: string) => ({
  TableName: table,
  KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
  ExpressionAttributeValues: { ':pk': participantPartition(participantId), ':prefix': placementPrefix },
  ScanIndexForward: false,
});

export function buildPlacementStore(doc: DynamoDBDocumentClient, table: string, cursors: CursorCodec): PlacementStore {
  const allOf = async (participantId: string) =>
    // Strong: the export and the erasure must find a placement started a moment before.
    (await queryAll(doc, { ...partitionQuery(table, participantId), ConsistentRead: true })).map(toPlacement);
  return {
    async start(placement, event) {
      const items = [
        tagged('participant', participantStillWritable(table, placement.participantId, placement.groupId)),
        tagged('placement', {
          Put: {
            TableName: table,
            Item: { ...placementKey(placement.participantId, placement.id), entity: 'placement', ...withoutNulls(placement) },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
        tagged('lookup', {
          Put: {
            TableName: table,
            Item: { ...placementLookupKey(placement.id), entity: 'placement-lookup', participantId: placement.participantId },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
        tagged('event', outboxPut(table, event)),
      ];
      try {
        await transactWrite(doc, items);
        return 'started';
      } catch (error) {
        if (failedOn(failedConditions(error, items), 'participant')) return 'participant-gone';
        throw error;
      }
    },
    async get(placementId) {
      // Strong, both: an end follows its start within moments, and decides on the status it reads.
      const { Item: lookup } = await doc.send(
        new GetCommand({ TableName: table, Key: placementLookupKey(placementId), ConsistentRead: true }),
      );
      if (!lookup) return undefined;
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: placementKey(lookup.participantId as string, placementId), ConsistentRead: true }),
      );
      return Item ? toPlacement(Item) : undefined;
    },
    async end(ended, event) {
      const items = [
        tagged('placement', {
          Update: {
            TableName: table,
            Key: placementKey(ended.participantId, ended.id),
            UpdateExpression: 'SET #status = :ended, endedOn = :endedOn, outcome = :outcome',
            // The one condition two concurrent ends race on: the first write makes the second fail it.
            ConditionExpression: '#status = :active',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':ended': 'ended', ':active': 'active', ':endedOn': ended.endedOn, ':outcome': ended.outcome },
          },
        }),
        tagged('participant', participantStillWritable(table, ended.participantId, ended.groupId)),
        tagged('event', outboxPut(table, event)),
      ];
      try {
        await transactWrite(doc, items);
        return 'ended';
      } catch (error) {
        const failed = failedConditions(error, items);
        if (failedOn(failed, 'placement')) return 'not-active';
        if (failedOn(failed, 'participant')) return 'participant-gone';
        throw error;
      }
    },
    async list(participantId, page) {
      const found = await queryPage(doc, partitionQuery(table, participantId), page, cursors);
      return { items: found.items.map(toPlacement), nextCursor: found.nextCursor };
    },
    allOf,
    async eraseOrganisations(participantId, erasedAt) {
      const keys = (await allOf(participantId)).map((placement) => placementKey(participantId, placement.id));
      await eraseAttribute(doc, table, keys, 'organisation', erasedAt);
    },
  };
}
