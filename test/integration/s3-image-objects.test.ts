import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildImageObjects } from '#shared/catalog/s3-image-objects';
import { buildObjectRequestSigner } from '#shared/kernel/store/s3';

describe('image objects over presigned requests (s3rver)', () => {
  let objects: ReturnType<typeof buildImageObjects>;

  beforeAll(() => {
    // As the local runtime configures a function: the SDK's endpoint variable and environment credentials.
    process.env.AWS_ENDPOINT_URL_S3 = inject('s3Endpoint');
    process.env.AWS_ACCESS_KEY_ID = 'local';
    process.env.AWS_SECRET_ACCESS_KEY = 'local';
    objects = buildImageObjects(buildObjectRequestSigner(inject('bucketName'), 'ap-southeast-3'));
  });

  it('writes an object and reads the same bytes back', async () => {
    const key = `images/test/${randomUUID()}.webp`;
    const bytes = Buffer.from(randomUUID().repeat(10));

    await objects.write(key, bytes, 'image/webp');
    const read = await objects.read(key, 1024);

    expect(Buffer.from(read ?? [])).toEqual(bytes);
  });

  it('reads nothing past the limit', async () => {
    const key = `uploads/test/${randomUUID()}`;
    await objects.write(key, Buffer.alloc(2048, 1), 'image/png');

    await expect(objects.read(key, 2047)).resolves.toBeUndefined();
    await expect(objects.read(key, 2048)).resolves.toHaveLength(2048);
  });

  it('fails loudly on a missing object, so the delivery is retried and then dead-lettered', async () => {
    await expect(objects.read(`uploads/test/${randomUUID()}`, 1024)).rejects.toThrow(/answered 404/);
  });
});
