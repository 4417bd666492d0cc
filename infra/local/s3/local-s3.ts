import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface LocalS3 {
  endpoint: string;
  bucketName: string;
  /** S3 event notifications (Records[]) for objects written to the bucket, as s3rver emits them */
  onObjectEvent(listener: (event: unknown) => void): void;
  stop(): Promise<void>;
}

// Browsers upload straight to presigned URLs, so the bucket allows cross-origin PUT/POST.
const corsConfiguration = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

// s3rver knows one access key (S3RVER) and refuses others before it looks at signatures; its
// account model is the only way to add the runtime's key.
const s3rverAccounts = createRequire(import.meta.url)('s3rver/lib/models/account.js') as {
  DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void };
};

/**
 * s3rver in this process, on a free port, with the bucket created. Objects live in a temporary
 * directory removed on stop. The runtime's access key is accepted (as is S3RVER); signatures are
 * not checked, but presigned URLs are still parsed as S3 would.
 */
export async function startLocalS3(options: {
  bucketName: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  port?: number;
}): Promise<LocalS3> {
  s3rverAccounts.DUMMY_ACCOUNT.createKeyPair(options.credentials.accessKeyId, options.credentials.secretAccessKey);
  const directory = await mkdtemp(join(tmpdir(), 'pas-kreatif-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory,
    resetOnClose: true,
    allowMismatchedSignatures: true,
    configureBuckets: [{ name: options.bucketName, configs: [corsConfiguration] }],
  });
  try {
    const { port } = await server.run();
    return {
      endpoint: `http://127.0.0.1:${port}`,
      bucketName: options.bucketName,
      onObjectEvent: (listener) => void server.on('event', listener),
      async stop() {
        await server.close().catch(() => undefined);
        await rm(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}
