import { deadlineSignal } from '#shared/kernel/deadline';
import type { ObjectRequestSigner } from '#shared/kernel/store/s3';
import type { ImageObjects } from './ports.ts';

/** A presigned URL is used at once, so a short life is plenty. */
const requestLifeSeconds = 60;

export function buildImageObjects(sign: ObjectRequestSigner): ImageObjects {
  return {
    async read(key, maxBytes) {
      const response = await fetch(await sign({ method: 'GET', key, expiresInSeconds: requestLifeSeconds }), { signal: deadlineSignal() });
      if (!response.ok || !response.body) throw new Error(`S3 GET ${key} answered ${response.status}`);
      if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
        await response.body.cancel();
        return undefined;
      }
      // Counted while reading too: a length header is a claim, not a limit.
      const chunks: Uint8Array[] = [];
      let total = 0;
      for await (const chunk of response.body) {
        total += chunk.byteLength;
        if (total > maxBytes) {
          await response.body.cancel().catch(() => undefined);
          return undefined;
        }
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    },
    async write(key, body, contentType) {
      // A rendition's key names one image for life, so caches may keep it for good.
      const headers = { 'content-type': contentType, 'cache-control': 'public, max-age=31536000, immutable' };
      const response = await fetch(await sign({ method: 'PUT', key, headers, expiresInSeconds: requestLifeSeconds }), {
        method: 'PUT',
        headers,
        body,
        signal: deadlineSignal(),
      });
      if (!response.ok) throw new Error(`S3 PUT ${key} answered ${response.status}`);
    },
  };
}
