import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type GetShardIteratorCommandInput,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { FunctionDeclaration, Trigger } from '#shared/kernel/declaration';
import { matchesPattern } from '#infra/local/eventbridge/event-pattern';
import type { DeadLetters } from '#infra/local/lambda/dead-letters';
import type { LambdaInvoker } from '#infra/local/lambda/invoker';
import { errorText } from '#infra/local/log-text';
import { sleep } from '#infra/local/net';
import type { LocalAwsConfig } from './dynamodb-local.ts';
import { toLambdaRecord } from './stream-records.ts';

export type TableStreamDeclaration = FunctionDeclaration<Extract<Trigger, { kind: 'tableStream' }>>;

export interface StreamStatus {
  /** records the function handled (filtered-out records are not counted) */
  delivered: number;
  /** records read and matching the filter, not yet handled */
  pending: number;
  /** records given up after the last retry (see /_local/dead-letters) */
  dead: number;
}

export interface StreamPoller {
  status(): StreamStatus;
  stop(): Promise<void>;
}

export interface StreamPollerOptions {
  aws: LocalAwsConfig;
  streamArn: string;
  region: string;
  declaration: TableStreamDeclaration;
  invoker: LambdaInvoker;
  deadLetters: DeadLetters;
  log: (line: string) => void;
}

/** 25 ms while records flow, 50 ms once the shard has been quiet for a second (java idles at less CPU). */
const busyPollIntervalMs = 25;
const idlePollIntervalMs = 50;
const discoverIntervalMs = 1_000;
const readLimit = 1000;
/** retries after the first attempt, at each batch size while bisecting (deployed: retryAttempts 10) */
const retryDelaysMs = [100, 250];

/**
 * The table-stream event source mapping, locally: reads DynamoDB Local's stream shard by shard
 * (children after their parents), keeps the records matching the declared filter, and invokes the
 * function with {Records} in batches of up to batchSize, in order. With ReportBatchItemFailures
 * semantics, a failure retries from the first failed record; after the last retry those records
 * become a dead letter and the shard moves on. Every record read ends up handled or dead-lettered.
 *
 * The table is created fresh by the runtime before the poller starts, so every shard is read from
 * TRIM_HORIZON: nothing written after start-up can be missed.
 */
export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  const { declaration, invoker } = options;
  const { filter, batchSize } = declaration.trigger;
  const functionName = invoker.functionName(declaration);
  const client = new DynamoDBStreamsClient({ ...options.aws, maxAttempts: 2 });
  const counts: StreamStatus = { delivered: 0, pending: 0, dead: 0 };
  const shards = new Map<string, { parentId?: string; state: 'waiting' | 'running' | 'done' }>();
  const consumers = new Set<Promise<void>>();
  let stopped = false;
  let wake: () => void = () => undefined;
  const stopping = new Promise<void>((resolve) => (wake = resolve));
  /** a pause that stop() cuts short */
  const pause = (ms: number) => Promise.race([sleep(ms), stopping]);
  let lastComplaint = '';

  const complain = (text: string) => {
    // A failing stream repeats itself every poll; say it once until it changes.
    if (text !== lastComplaint && !stopped) options.log(`table stream (${functionName}): ${text}`);
    lastComplaint = text;
  };

  async function discover(): Promise<void> {
    const found: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await client.send(
        new DescribeStreamCommand({ StreamArn: options.streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
      );
      found.push(...(StreamDescription?.Shards ?? []));
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    for (const shard of found) {
      if (shard.ShardId && !shards.has(shard.ShardId)) shards.set(shard.ShardId, { parentId: shard.ParentShardId, state: 'waiting' });
    }
    startReadyShards();
  }

  function startReadyShards(): void {
    for (const [shardId, shard] of shards) {
      const parent = shard.parentId ? shards.get(shard.parentId) : undefined;
      if (shard.state !== 'waiting' || (parent && parent.state !== 'done') || stopped) continue;
      shard.state = 'running';
      const consumer = consumeShard(shardId).finally(() => {
        shard.state = 'done';
        consumers.delete(consumer);
        startReadyShards();
      });
      consumers.add(consumer);
    }
  }

  async function iteratorFor(shardId: string, after: string | undefined): Promise<string | undefined> {
    const input: GetShardIteratorCommandInput = after
      ? { StreamArn: options.streamArn, ShardId: shardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
      : { StreamArn: options.streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' };
    return (await client.send(new GetShardIteratorCommand(input))).ShardIterator;
  }

  async function consumeShard(shardId: string): Promise<void> {
    let lastRead: string | undefined;
    let iterator: string | undefined;
    let open = true;
    let lastRecordAt = 0;
    while (!stopped && open) {
      let records: StreamRecord[];
      try {
        iterator ??= await iteratorFor(shardId, lastRead);
        if (!iterator) break;
        const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: readLimit }));
        records = page.Records ?? [];
        // A closed shard (split or rotated) ends with no next iterator; its children follow it.
        iterator = page.NextShardIterator ?? undefined;
        open = iterator !== undefined;
        lastComplaint = '';
      } catch (error) {
        // Keep the position: a fresh iterator continues after the last record read, so nothing is skipped.
        complain(`reading shard ${shardId} failed, retrying: ${errorText(error)}`);
        iterator = undefined;
        await pause(250);
        continue;
      }
      if (records.length === 0) {
        if (open) await pause(Date.now() - lastRecordAt < 1_000 ? busyPollIntervalMs : idlePollIntervalMs);
        continue;
      }
      lastRecordAt = Date.now();
      lastRead = records.at(-1)?.dynamodb?.SequenceNumber ?? lastRead;
      const matching = records.map((record) => toLambdaRecord(record, options)).filter((record) => matchesPattern(filter, record));
      counts.pending += matching.length;
      await deliver(matching, shardId);
    }
  }

  /**
   * Invokes in order, batch by batch, until every record is handled or dead-lettered. A batch that
   * keeps failing is halved (bisectBatchOnError, as deployed) until the failing record is alone;
   * only that record becomes a dead letter, and the batch size returns to the declared one.
   */
  async function deliver(records: DynamoDBRecord[], shardId: string): Promise<void> {
    let attempts = 0;
    let size = batchSize;
    while (records.length > 0) {
      const batch = records.slice(0, size);
      let failedFrom: number;
      let error = '';
      try {
        const event: DynamoDBStreamEvent = { Records: batch };
        const result = (await invoker.invoke(declaration, event)) as DynamoDBBatchResponse | undefined;
        failedFrom = firstFailure(batch, result);
        if (failedFrom < batch.length) error = `batchItemFailures reported ${batch[failedFrom]?.dynamodb?.SequenceNumber}`;
      } catch (thrown) {
        failedFrom = 0;
        error = errorText(thrown);
      }
      handled(records.splice(0, failedFrom).length);
      if (failedFrom === batch.length) {
        attempts = 0;
        continue;
      }
      if (failedFrom > 0) attempts = 0; // progress: the retry starts at the first failed record
      attempts++;
      const delay = retryDelaysMs[attempts - 1];
      if (delay !== undefined && !stopped) {
        await pause(delay);
        continue;
      }
      attempts = 0;
      const failing = batch.length - failedFrom;
      if (failing > 1 && !stopped) {
        size = Math.ceil(failing / 2);
        continue;
      }
      const failed = records.splice(0, failing);
      counts.pending -= failed.length;
      counts.dead += failed.length;
      options.deadLetters.record({
        source: 'table-stream',
        functionName,
        attempts: retryDelaysMs.length + 1,
        error,
        payload: { streamArn: options.streamArn, shardId, records: failed },
      });
      size = batchSize;
    }
  }

  function handled(count: number): void {
    counts.pending -= count;
    counts.delivered += count;
  }

  const discovering = (async () => {
    while (!stopped) {
      try {
        await discover();
      } catch (error) {
        complain(`describing the stream failed, retrying: ${errorText(error)}`);
      }
      await pause(discoverIntervalMs);
    }
  })();

  return {
    status: () => ({ ...counts }),
    async stop() {
      stopped = true;
      wake();
      await discovering;
      await Promise.allSettled([...consumers]);
      client.destroy();
    },
  };
}

/**
 * Index of the first record to retry, as Lambda reads a DynamoDBBatchResponse: nothing reported →
 * all handled; an identifier that is empty or not in the batch fails the whole batch.
 */
function firstFailure(batch: DynamoDBRecord[], result: DynamoDBBatchResponse | undefined): number {
  const failures = result?.batchItemFailures ?? [];
  if (!Array.isArray(failures) || failures.length === 0) return batch.length;
  let first = batch.length;
  for (const failure of failures) {
    const index = batch.findIndex((record) => record.dynamodb?.SequenceNumber === failure?.itemIdentifier);
    if (!failure?.itemIdentifier || index === -1) return 0;
    first = Math.min(first, index);
  }
  return first;
}
