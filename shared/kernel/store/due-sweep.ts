import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { fitsBeforeDeadline } from '#shared/kernel/deadline';
import { type DueJob, dueQuery } from './keys.ts';

/** A page of a due partition; `next` is where the following page starts. */
export interface DuePage<T> {
  items: T[];
  next?: unknown;
}

/** A page of the job's items due up to `until`, oldest first, with only the attributes the job needs. */
export async function queryDue(
  doc: DynamoDBDocumentClient,
  table: string,
  job: DueJob,
  page: { until: string; limit: number; projection: string; after?: unknown },
): Promise<DuePage<Record<string, unknown>>> {
  const { Items, LastEvaluatedKey } = await doc.send(
    new QueryCommand({
      TableName: table,
      ...dueQuery(job, page.until),
      ProjectionExpression: page.projection,
      Limit: page.limit,
      ...(page.after === undefined ? {} : { ExclusiveStartKey: page.after as Record<string, unknown> }),
    }),
  );
  return { items: Items ?? [], ...(LastEvaluatedKey ? { next: LastEvaluatedKey } : {}) };
}

/** A page's work runs at once; a stalled table makes each give up after about 3 s, so a page needs that much time. */
const pageBudgetMs = 3_500;

/**
 * Works through a due partition a page at a time, until none is left or the invocation's deadline comes near: what
 * is left waits for the next scheduled run. `work` says whether it did anything; it must be conditional on the item
 * still being due, so that a repeated or overlapping run does nothing twice.
 */
export async function sweepDue<T>(
  pageAfter: (after: unknown) => Promise<DuePage<T>>,
  work: (item: T) => Promise<boolean>,
): Promise<{ done: number; finished: boolean }> {
  let done = 0;
  let after: unknown;
  do {
    if (!fitsBeforeDeadline(pageBudgetMs)) return { done, finished: false };
    const page = await pageAfter(after);
    const outcomes = await Promise.all(page.items.map(work));
    done += outcomes.filter(Boolean).length;
    after = page.next;
  } while (after !== undefined);
  return { done, finished: true };
}
