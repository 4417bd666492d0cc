import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import type { UploadSigner } from './ports.ts';

/** SigV4's SHA-256 (and HMAC) over node:crypto. */
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
}

const toBytes = (data: string | ArrayBuffer | ArrayBufferView) =>
  typeof data === 'string' ? Buffer.from(data) : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);

/**
 * Where the PUT goes: the endpoint the SDK itself would use when AWS_ENDPOINT_URL_S3 is set (the local runtime's
 * s3rver, path-style), else the bucket's virtual-hosted endpoint in the function's region.
 */
function objectUrl(bucket: string, key: string, region: string): URL {
  const endpoint = process.env.AWS_ENDPOINT_URL_S3;
  return endpoint ? new URL(`${endpoint.replace(/\/$/, '')}/${bucket}/${key}`) : new URL(`https://${bucket}.s3.${region}.amazonaws.com/${key}`);
}

/**
 * Presigns a PutObject request with the function's own credentials: the URL may do what the role may, and only
 * the one PUT it names. The request is built here rather than by the S3 client, which would add ~120 KB to the
 * bundle for a computation that makes no call.
 */
export function buildUploadSigner(bucket: string, region = process.env.AWS_REGION ?? ''): UploadSigner {
  const presigner = new S3RequestPresigner({ credentials: fromEnv(), region, sha256: Sha256 });
  return {
    async presignPut({ key, contentType, contentLength, expiresInSeconds }) {
      const url = objectUrl(bucket, key, region);
      const signed = await presigner.presign(
        {
          method: 'PUT',
          protocol: url.protocol,
          hostname: url.hostname,
          ...(url.port ? { port: Number(url.port) } : {}),
          path: url.pathname,
          query: {},
          headers: { host: url.host, 'content-type': contentType, 'content-length': String(contentLength) },
        },
        // Signed, so S3 answers 403 to an upload of another type or size than the one declared.
        { expiresIn: expiresInSeconds, signableHeaders: new Set(['content-type', 'content-length']) },
      );
      return `${url.origin}${url.pathname}?${new URLSearchParams(signed.query as Record<string, string>)}`;
    },
  };
}
