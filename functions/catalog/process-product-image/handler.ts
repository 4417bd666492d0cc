import type { S3Event } from 'aws-lambda';
import { imageProcessingDeps } from '#shared/catalog/image-deps';
import { processProductImage } from '#shared/catalog/images';
import { buildSharpRenderer } from '#shared/catalog/sharp-image-renderer';
import { logger } from '#shared/kernel/observability/logger';

/** S3 writes keys URL-encoded, with a space as '+'. */
const objectKey = (encoded: string) => decodeURIComponent(encoded.replace(/\+/g, ' '));

/** A failure throws, so Lambda retries the event and then parks it in the dead-letter queue. */
export const buildHandler =
  (deps = imageProcessingDeps(buildSharpRenderer())) =>
  async (event: S3Event): Promise<void> => {
    for (const record of event.Records) {
      const key = objectKey(record.s3.object.key);
      const { outcome, reason } = await processProductImage(deps, { key, size: record.s3.object.size });
      logger.info('Processed an image upload', { key, outcome, ...(reason ? { reason } : {}) });
    }
  };

export const handler = buildHandler();
