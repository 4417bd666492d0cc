import { callApiOrThrow } from './api-client.ts';
import { type DemoPhoto, drawDemoPhoto } from './demo-product-photo.ts';
import { sleep } from './net.ts';

export interface PhotoSeeding {
  apiUrl: string;
  /** the seller's (or a facilitator's) token: the upload route checks who may add images */
  token: string;
  photos: readonly { productId: string; photo: DemoPhoto }[];
  /** how long to wait for the renditions before giving up on them (the seed goes on either way) */
  timeoutMs?: number;
}

/**
 * Each product's photo goes the way a seller's phone sends it: POST /products/{id}/images for a presigned URL, a PUT
 * of the JPEG to the S3 emulator, then the real processor (object-created → process-product-image) makes the
 * renditions. Resolves once every image is settled, with the ids of those that are not ready.
 */
export async function seedProductPhotos({ apiUrl, token, photos, timeoutMs = 15_000 }: PhotoSeeding): Promise<string[]> {
  const uploads = await Promise.all(
    photos.map(async ({ productId, photo }) => ({ productId, imageId: await upload(apiUrl, token, productId, photo) })),
  );
  const deadline = Date.now() + timeoutMs;
  let pending = uploads;
  while (pending.length > 0 && Date.now() < deadline) {
    const states = await Promise.all(pending.map(async (image) => ({ image, status: await imageStatus(apiUrl, token, image) })));
    pending = states.filter(({ status }) => status === 'pending').map(({ image }) => image);
    if (pending.length > 0) await sleep(100);
  }
  const settled = await Promise.all(uploads.map(async (image) => ({ image, status: await imageStatus(apiUrl, token, image) })));
  return settled.filter(({ status }) => status !== 'ready').map(({ image }) => image.productId);
}

async function upload(apiUrl: string, token: string, productId: string, photo: DemoPhoto): Promise<string> {
  const bytes = await drawDemoPhoto(photo);
  const presigned = (await callApiOrThrow(apiUrl, 'POST', `/products/${productId}/images`, {
    token,
    body: { contentType: 'image/jpeg', contentLength: bytes.length },
  })) as unknown as { imageId: string; upload: { url: string; method: string; headers: Record<string, string> } };
  const { url, method, headers } = presigned.upload;
  const put = await fetch(url, { method, headers: { 'content-type': headers['content-type'] ?? 'image/jpeg' }, body: bytes });
  if (!put.ok) throw new Error(`upload of ${productId}'s photo answered ${put.status}`);
  return presigned.imageId;
}

async function imageStatus(apiUrl: string, token: string, { productId, imageId }: { productId: string; imageId: string }) {
  const product = await callApiOrThrow(apiUrl, 'GET', `/products/${productId}`, { token });
  const images = product.images as { imageId: string; status: string }[];
  return images.find((image) => image.imageId === imageId)?.status ?? 'missing';
}
