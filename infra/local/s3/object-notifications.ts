import { randomBytes } from 'node:crypto';
import type { S3Event, S3EventRecord } from 'aws-lambda';
import type { FunctionDeclaration, Trigger } from '#shared/kernel/declaration';
import { createAsyncInvocations } from '#infra/local/lambda/async-invocations';
import type { DeadLetters } from '#infra/local/lambda/dead-letters';
import type { LambdaInvoker } from '#infra/local/lambda/invoker';
import type { LocalS3 } from './local-s3.ts';

export type ObjectCreatedDeclaration = FunctionDeclaration<Extract<Trigger, { kind: 'objectCreated' }>>;

export interface ObjectNotificationsOptions {
  s3: LocalS3;
  region: string;
  declarations: readonly ObjectCreatedDeclaration[];
  invoker: LambdaInvoker;
  deadLetters: DeadLetters;
}

export interface ObjectNotifications {
  stop(): Promise<void>;
}

/** s3rver's record, as much of it as is used. */
interface S3rverRecord {
  eventName: string;
  eventTime: string;
  s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string; sequencer: string } };
}

/** S3 URL-encodes keys in notifications like a form does: '/' kept, a space as '+'. */
export const encodeEventKey = (key: string) => encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');

const hex = (bytes: number) => randomBytes(bytes).toString('hex').toUpperCase();

function toS3Event(record: S3rverRecord, region: string): S3Event {
  const { bucket, object } = record.s3;
  const s3Record: S3EventRecord = {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: region,
    eventTime: record.eventTime,
    eventName: record.eventName as S3EventRecord['eventName'],
    userIdentity: { principalId: `AWS:${hex(10)}` },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': hex(8), 'x-amz-id-2': randomBytes(48).toString('base64') },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'local',
      bucket: { name: bucket.name, ownerIdentity: { principalId: hex(7) }, arn: `arn:aws:s3:::${bucket.name}` },
      object: { key: encodeEventKey(object.key), size: object.size ?? 0, eTag: object.eTag ?? '', sequencer: object.sequencer },
    },
  };
  return { Records: [s3Record] };
}

/**
 * The images bucket's event notifications: every object s3rver stores under a declared prefix invokes that
 * function asynchronously with the S3Event S3 would send (one record, key URL-encoded), with Lambda's
 * retries and a dead letter after the last failure, as the deployed notification → function → DLQ does.
 */
export function startObjectNotifications(options: ObjectNotificationsOptions): ObjectNotifications {
  const invocations = createAsyncInvocations({ source: 's3-notification', invoker: options.invoker, deadLetters: options.deadLetters });
  let stopping = false;

  options.s3.onObjectEvent((notification) => {
    if (stopping) return;
    for (const record of (notification as { Records: S3rverRecord[] }).Records) {
      if (!record.eventName.startsWith('ObjectCreated:') || record.s3.bucket.name !== options.s3.bucketName) continue;
      for (const target of options.declarations) {
        if (record.s3.object.key.startsWith(target.trigger.prefix)) invocations.invoke(target, toS3Event(record, options.region));
      }
    }
  });

  return {
    async stop() {
      stopping = true;
      await invocations.stop();
    },
  };
}
