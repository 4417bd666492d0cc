import { S3Client } from '@aws-sdk/client-s3';
import { EnvName, readEnv } from '#shared/env';

/**
 * Built once per container. Checksums only where S3 requires them: by default the SDK would add a CRC32 of the
 * (empty) body to presigned PUTs, and S3 would refuse every real upload against it.
 */
export function buildS3Client(): S3Client {
  return new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
}

export function bucketName(): string {
  return readEnv(EnvName.bucketName);
}
