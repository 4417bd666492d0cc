import type { S3Event } from 'aws-lambda';
import type { FunctionDeclaration, Trigger } from '#shared/kernel/declaration';
import { consumer } from './consumer.ts';

/** An object the bucket reports created under the declared prefix. */
export interface CreatedObject {
  key: string;
  size: number;
}

/** S3 writes keys URL-encoded, with a space as '+'. */
const objectKey = (encoded: string) => decodeURIComponent(encoded.replace(/\+/g, ' '));

/**
 * The consumer of the bucket's object-created notifications. The declaration pins the trigger kind; its prefix
 * decides which objects are reported. Objects are handled one after another; a failure throws, so Lambda retries
 * the event and then parks it in the dead-letter queue.
 */
export function objectCreatedHandler(
  declaration: FunctionDeclaration<Extract<Trigger, { kind: 'objectCreated' }>>,
  run: (object: CreatedObject) => Promise<void>,
) {
  return consumer<S3Event, void>(async (event) => {
    for (const record of event.Records) await run({ key: objectKey(record.s3.object.key), size: record.s3.object.size });
  });
}
