import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { EnvName, readEnv } from '#shared/kernel/env';

export function bucketName(): string {
  return readEnv(EnvName.bucketName);
}

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
  typeof data === 'string'
    ? Buffer.from(data)
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

/**
 * Where a request goes: the endpoint the SDK itself would use when AWS_ENDPOINT_URL_S3 is set (the local
 * runtime's s3rver, path-style), else the bucket's virtual-hosted endpoint in the function's region.
 */
function objectUrl(bucket: string, key: string, region: string): URL {
  const endpoint = process.env.AWS_ENDPOINT_URL_S3;
  return endpoint
    ? new URL(`${endpoint.replace(/\/$/, '')}/${bucket}/${key}`)
    : new URL(`https://${bucket}.s3.${region}.amazonaws.com/${key}`);
}

export interface ObjectRequest {
  method: 'GET' | 'PUT';
  key: string;
  /** signed: S3 refuses the request when they differ */
  headers?: Record<string, string>;
  expiresInSeconds: number;
}

export type ObjectRequestSigner = (request: ObjectRequest) => Promise<string>;

/**
 * Presigned object requests with the function's own credentials: a URL may do what the role may, and only the
 * one request it names. Presigning is all the platform asks of S3 (browsers upload with the URL; the image
 * processor fetches with it), and the SDK's presigner alone costs a function ~20 KB where the S3 client costs
 * ~200 KB, which would take the processor over the bundle budget.
 */
export function buildObjectRequestSigner(bucket: string, region = process.env.AWS_REGION ?? ''): ObjectRequestSigner {
  const presigner = new S3RequestPresigner({ credentials: fromEnv(), region, sha256: Sha256 });
  return async ({ method, key, headers = {}, expiresInSeconds }) => {
    const url = objectUrl(bucket, key, region);
    const signed = await presigner.presign(
      {
        method,
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port ? { port: Number(url.port) } : {}),
        path: url.pathname,
        query: {},
        headers: { host: url.host, ...headers },
      },
      { expiresIn: expiresInSeconds, signableHeaders: new Set(Object.keys(headers)) },
    );
    return `${url.origin}${url.pathname}?${new URLSearchParams(signed.query as Record<string, string>)}`;
  };
}
