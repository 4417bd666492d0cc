import type { ObjectRequestSigner } from '#shared/kernel/store/s3';
import type { UploadSigner } from './ports.ts';

export function buildUploadSigner(sign: ObjectRequestSigner): UploadSigner {
  return {
    presignPut: ({ key, contentType, contentLength, expiresInSeconds }) =>
      // Type and length are signed, so S3 answers 403 to an upload of another type or size than the one declared.
      sign({ method: 'PUT', key, headers: { 'content-type': contentType, 'content-length': String(contentLength) }, expiresInSeconds }),
  };
}
