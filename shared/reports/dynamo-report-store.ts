import { type DynamoDBDocumentClient, GetCommand, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { failedConditions, failedOn, tagged, transactWrite } from '#shared/kernel/store/transaction';
import { groupKey, reportDayKey, reportGuardKey, reportMonthKey } from '#shared/kernel/store/keys';
import { type Bucket, counterNames } from './figures.ts';
import type { ReportDelta, ReportStore } from './ports.ts';

/**
 * Every event of a group on one day adds to the same two items, so busy days make the projection's
 * transactions conflict; each lost race is retried (and the guard makes a retry safe).
 */
const projectionAttempts = 12;

const sellersAttribute = 'activeSellers';
const menteesAttribute = 'mentees';

/** `SET` the bucket's identity, `ADD` the delta's counters, sellers and mentees: ADD creates the item and its attributes as needed. */
function bucketUpdate(table: string, key: Record<string, string>, entity: string, delta: ReportDelta) {
  const counters = counterNames.filter((name) => (delta.counters[name] ?? 0) !== 0);
  const adds = counters.map((name, index) => `#c${index} :c${index}`);
  const names: Record<string, string> = {
    '#entity': 'entity',
    '#groupId': 'groupId',
    ...Object.fromEntries(counters.map((name, index) => [`#c${index}`, name])),
  };
  const values: Record<string, unknown> = Object.fromEntries(counters.map((name, index) => [`:c${index}`, delta.counters[name]]));
  if (delta.sellers.length > 0) {
    adds.push('#sellers :sellers');
    names['#sellers'] = sellersAttribute;
    values[':sellers'] = new Set(delta.sellers);
  }
  if ((delta.mentees ?? []).length > 0) {
    adds.push('#mentees :mentees');
    names['#mentees'] = menteesAttribute;
    values[':mentees'] = new Set(delta.mentees);
  }
  return {
    Update: {
      TableName: table,
      Key: key,
      UpdateExpression: `SET #entity = :entity, #groupId = :groupId${adds.length > 0 ? ` ADD ${adds.join(', ')}` : ''}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':entity': entity, ':groupId': delta.groupId, ...values },
    },
  };
}

/** Attribute names go through placeholders: some counters may be DynamoDB reserved words. */
const projected = [...counterNames, sellersAttribute, menteesAttribute];

function toBucket(item: Record<string, unknown>): Bucket {
  const counters = Object.fromEntries(counterNames.flatMap((name) => (typeof item[name] === 'number' ? [[name, item[name]]] : [])));
  return {
    counters,
    sellers: (item[sellersAttribute] as Set<string> | undefined) ?? new Set(),
    mentees: (item[menteesAttribute] as Set<string> | undefined) ?? new Set(),
  };
}

export function buildReportStore(doc: DynamoDBDocumentClient, table: string): ReportStore {
  /** The bucket items between two keys of one group's partition, following pages (seller and mentee sets can be large). */
  const query = async (from: { pk: string; sk: string }, to: { sk: string }): Promise<Bucket[]> => {
    const buckets: Bucket[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': from.pk, ':from': from.sk, ':to': to.sk },
          ProjectionExpression: projected.map((_, index) => `#p${index}`).join(', '),
          ExpressionAttributeNames: Object.fromEntries(projected.map((name, index) => [`#p${index}`, name])),
          ExclusiveStartKey: startKey,
        }),
      );
      buckets.push(...(page.Items ?? []).map(toBucket));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return buckets;
  };

  return {
    async apply(eventId, delta) {
      const month = delta.day.slice(0, 7);
      const items = [
        tagged('guard', {
          Put: {
            TableName: table,
            // Kept for good: a replay from the bus's archive can come long after the event.
            Item: { ...reportGuardKey(eventId), entity: 'report-guard', groupId: delta.groupId, day: delta.day },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
        tagged('day', bucketUpdate(table, reportDayKey(delta.groupId, delta.day), 'report-day', delta)),
        tagged('month', bucketUpdate(table, reportMonthKey(delta.groupId, month), 'report-month', delta)),
      ];
      try {
        await transactWrite(doc, items, { attempts: projectionAttempts });
        return 'applied';
      } catch (error) {
        if (failedOn(failedConditions(error, items), 'guard')) return 'duplicate';
        throw error;
      }
    },
    async buckets(groupId, plan) {
      const queries = plan.days.map(({ from, to }) => query(reportDayKey(groupId, from), reportDayKey(groupId, to)));
      if (plan.months) queries.push(query(reportMonthKey(groupId, plan.months.from), reportMonthKey(groupId, plan.months.to)));
      const buckets = (await Promise.all(queries)).flat();
      // Only events of a stored group's records are counted, and groups are never deleted, so a bucket proves the
      // group exists; the group itself is read only for a range without any, saving a call on the hot path.
      if (buckets.length > 0) return { groupExists: true, buckets };
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: groupKey(groupId), ProjectionExpression: 'pk' }));
      return { groupExists: Item !== undefined, buckets };
    },
  };
}
