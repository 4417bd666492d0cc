import type { ImageObjects, ImageRenderer, ProductImageStore, StoredImage, UploadSigner } from '#shared/catalog/ports';
import { BusinessRuleError } from '#shared/kernel/errors';

/** In-memory ports of the image use-cases; the DynamoDB adapter has its own integration test. */
export function fakeImages() {
  const images = new Map<string, StoredImage[]>();
  const objects = new Map<string, { body: Uint8Array; contentType?: string }>();
  const presigned: Parameters<UploadSigner['presignPut']>[0][] = [];

  const imageStore: ProductImageStore = {
    async addPending(productId, image, max) {
      const list = images.get(productId) ?? [];
      if (list.length >= max) throw new BusinessRuleError(`at most ${max}`);
      images.set(productId, [...list, image]);
    },
    find: async (productId, imageId) => images.get(productId)?.find((image) => image.imageId === imageId),
    async settle(productId, settled) {
      const list = images.get(productId) ?? [];
      const index = list.findIndex((image) => image.imageId === settled.imageId && image.status === 'pending');
      if (index < 0) return false;
      list[index] = settled;
      return true;
    },
  };

  const uploads: UploadSigner = {
    async presignPut(request) {
      presigned.push(request);
      return `https://bucket.example/${request.key}?signed`;
    },
  };

  const imageObjects: ImageObjects = {
    read: async (key, maxBytes) => {
      const body = objects.get(key)?.body as Uint8Array;
      return body.byteLength > maxBytes ? undefined : body;
    },
    async write(key, body, contentType) {
      objects.set(key, { body, contentType });
    },
  };

  /** Reads the "format" from the first bytes: enough to tell the use-case's branches apart. */
  const renderer: ImageRenderer = {
    async probe(bytes) {
      const [format, width, height] = Buffer.from(bytes).toString('utf8').split(' ');
      return format === 'text' ? undefined : { format: format as string, width: Number(width), height: Number(height) };
    },
    render: async () => ({ thumbnail: Buffer.from('thumb'), medium: Buffer.from('medium') }),
  };

  return { imageStore, uploads, imageObjects, renderer, images, objects, presigned };
}
