import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ImageObjects } from './ports.ts';

export function buildImageObjects(s3: S3Client, bucket: string): ImageObjects {
  return {
    async read(key, maxBytes) {
      const { Body, ContentLength } = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const stream = Body as (AsyncIterable<Uint8Array> & { destroy?: () => void }) | undefined;
      if (stream === undefined) return new Uint8Array();
      if ((ContentLength ?? 0) > maxBytes) {
        stream.destroy?.();
        return undefined;
      }
      // Counted while reading too: a length header is a claim, not a limit.
      const chunks: Uint8Array[] = [];
      let total = 0;
      for await (const chunk of stream) {
        total += chunk.byteLength;
        if (total > maxBytes) {
          stream.destroy?.();
          return undefined;
        }
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    },
    async write(key, body, contentType) {
      // A rendition's key names one image for life, so caches may keep it for good.
      await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, CacheControl: 'public, max-age=31536000, immutable' }),
      );
    },
  };
}
