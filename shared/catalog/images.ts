import type { Caller } from '#shared/kernel/auth/caller';
import type { Clock } from '#shared/kernel/clock';
import type { ObjectPrefix } from '#shared/kernel/declaration';
import { newId } from '#shared/kernel/ids';
import type { ImageObjects, ImageRenderer, ProductImageStore, ProductStore, RenditionName, UploadSigner } from './ports.ts';
import { productToManage } from './products.ts';
import { type ImageContentType, type ImageUpload, maxImageBytes, type ProductImage, type RequestImageUpload } from './schemas.ts';

/** Enough for a gallery; a cap keeps a product's item (and its list responses) small. */
export const maxImagesPerProduct = 8;
/** Beyond this, decoding alone would take most of the processor's memory. */
export const maxImagePixels = 40_000_000;
const uploadExpirySeconds = 15 * 60;

export const uploadPrefix = 'uploads/' satisfies ObjectPrefix;
/** CloudFront serves this prefix, and only this one, as the root of IMAGES_BASE_URL. */
export const renditionsPrefix = 'images/' satisfies ObjectPrefix;

const uploadKey = (productId: string, imageId: string) => `${uploadPrefix}${productId}/${imageId}`;
const renditionKey = (productId: string, imageId: string, name: RenditionName) => `${productId}/${imageId}/${name}.webp`;
const uploadKeyPattern = new RegExp(`^${uploadPrefix}(prd_[0-9A-Z]{26})/(img_[0-9A-Z]{26})$`);

/** What sharp calls each accepted content type. */
const formatOf: Record<ImageContentType, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };

export interface ImageUploadDeps {
  products: ProductStore;
  images: ProductImageStore;
  uploads: UploadSigner;
  clock: Clock;
}

/**
 * Records a pending image on the product, then presigns the one PUT that may fill it. The type and length are
 * signed, so S3 refuses any other; the processor still checks the bytes, since a client picks what it declares.
 */
export async function requestImageUpload(
  deps: ImageUploadDeps,
  caller: Caller,
  productId: string,
  input: RequestImageUpload,
): Promise<ImageUpload> {
  await productToManage(deps, caller, productId);
  const now = deps.clock.now();
  const imageId = newId('img');
  await deps.images.addPending(
    productId,
    { imageId, status: 'pending', contentType: input.contentType },
    maxImagesPerProduct,
    now.toISOString(),
  );
  const url = await deps.uploads.presignPut({ key: uploadKey(productId, imageId), ...input, expiresInSeconds: uploadExpirySeconds });
  return {
    imageId,
    upload: { url, method: 'PUT', headers: { 'content-type': input.contentType, 'content-length': String(input.contentLength) } },
    expiresAt: new Date(now.getTime() + uploadExpirySeconds * 1000).toISOString(),
  };
}

export interface ImageProcessingDeps {
  images: ProductImageStore;
  objects: ImageObjects;
  renderer: ImageRenderer;
  clock: Clock;
  /** where renditions are served from, no trailing slash */
  baseUrl: string;
}

export type ProcessingOutcome = 'ready' | 'rejected' | 'already-settled' | 'unknown-image';

/** The upload's bytes if they may be published; otherwise why not, for the logs only (the seller sees `rejected`). */
async function checkUpload(
  deps: ImageProcessingDeps,
  upload: { key: string; size: number },
  declared: ImageContentType | undefined,
): Promise<{ bytes: Uint8Array } | { reason: string }> {
  if (declared === undefined) return { reason: 'no declared type' };
  // The event's size spares reading an oversize object at all; read() checks again, as the object may have been replaced.
  const bytes = upload.size > maxImageBytes ? undefined : await deps.objects.read(upload.key, maxImageBytes);
  if (bytes === undefined) return { reason: 'larger than 5 MiB' };
  const probed = await deps.renderer.probe(bytes);
  if (probed === undefined) return { reason: 'not a decodable image' };
  if (probed.format !== formatOf[declared]) return { reason: `${probed.format} bytes declared as ${declared}` };
  if (probed.width * probed.height > maxImagePixels) return { reason: `${probed.width}×${probed.height} is more than 40 megapixels` };
  return { bytes };
}

/**
 * Turns an upload into its renditions, or rejects it. Idempotent: S3 may deliver a notification twice, and a
 * settled image is left as it is; renditions are overwritten with the same bytes if a settle was lost.
 */
export async function processProductImage(
  deps: ImageProcessingDeps,
  upload: { key: string; size: number },
): Promise<{ outcome: ProcessingOutcome; reason?: string }> {
  const [, productId, imageId] = uploadKeyPattern.exec(upload.key) ?? [];
  if (productId === undefined || imageId === undefined) return { outcome: 'unknown-image', reason: 'not an upload key' };
  const image = await deps.images.find(productId, imageId);
  if (image === undefined) return { outcome: 'unknown-image' };
  if (image.status !== 'pending') return { outcome: 'already-settled' };

  const checked = await checkUpload(deps, upload, image.contentType);
  let settled: ProductImage = { imageId, status: 'rejected' };
  if ('bytes' in checked) {
    const renditions = await deps.renderer.render(checked.bytes);
    const urls = {} as Record<RenditionName, string>;
    for (const name of ['thumbnail', 'medium'] as const) {
      const key = renditionKey(productId, imageId, name);
      await deps.objects.write(`${renditionsPrefix}${key}`, renditions[name], 'image/webp');
      urls[name] = `${deps.baseUrl}/${key}`;
    }
    settled = { imageId, status: 'ready', urls };
  }
  if (!(await deps.images.settle(productId, settled, deps.clock.now().toISOString()))) return { outcome: 'already-settled' };
  return 'reason' in checked ? { outcome: 'rejected', reason: checked.reason } : { outcome: 'ready' };
}
