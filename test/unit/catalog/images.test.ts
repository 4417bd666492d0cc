import { describe, expect, it } from 'vitest';
import type { Caller } from '#shared/kernel/auth/caller';
import { maxImagesPerProduct, processProductImage, requestImageUpload } from '#shared/catalog/images';
import { createProduct, listProduct } from '#shared/catalog/products';
import { fakeCatalog, productFields } from '#test/support/fakes/catalog';
import { fixedClock } from '#test/support/fakes/clock';
import { fakeImages } from '#test/support/fakes/images';

const groupId = 'grp_01JGROUP000000000000000000';
const participantId = 'prt_01JELIGIBLE0000000000000000';
const seller: Caller = { sub: 's', roles: ['participant'], participantId };
const facilitator: Caller = { sub: 'f', roles: ['facilitator'], groupId };
const otherFacilitator: Caller = { sub: 'o', roles: ['facilitator'], groupId: 'grp_01JOTHER000000000000000000' };
const buyer: Caller = { sub: 'b', roles: ['buyer'] };
const jpeg = { contentType: 'image/jpeg', contentLength: 1000 } as const;

async function setUp() {
  const catalog = fakeCatalog({ [participantId]: { groupId, sellerStatus: 'eligible' } });
  const fakes = fakeImages();
  const clock = fixedClock();
  const catalogDeps = { products: catalog.productStore, sellers: catalog.sellerDirectory, clock };
  const product = await createProduct(catalogDeps, seller, productFields);
  const uploadDeps = { products: catalog.productStore, images: fakes.imageStore, uploads: fakes.uploads, clock };
  const processingDeps = {
    images: fakes.imageStore,
    objects: fakes.imageObjects,
    renderer: fakes.renderer,
    clock,
    baseUrl: 'https://cdn.example',
  };
  /** Presigns, then "uploads" these bytes as S3 would store them. */
  const upload = async (bytes: string, request = jpeg) => {
    const { imageId } = await requestImageUpload(uploadDeps, seller, product.id, request);
    const key = `uploads/${product.id}/${imageId}`;
    fakes.objects.set(key, { body: Buffer.from(bytes) });
    return { imageId, key, size: Buffer.byteLength(bytes) };
  };
  return { ...fakes, catalogDeps, uploadDeps, processingDeps, product, upload };
}

describe('requestImageUpload', () => {
  it('records a pending image with its declared type and presigns a PUT of that type and length for 15 minutes', async () => {
    const { uploadDeps, product, images, presigned } = await setUp();

    const result = await requestImageUpload(uploadDeps, seller, product.id, jpeg);

    expect(result).toEqual({
      imageId: expect.stringMatching(/^img_[0-9A-Z]{26}$/),
      upload: {
        url: expect.stringContaining(`uploads/${product.id}/${result.imageId}`),
        method: 'PUT',
        headers: { 'content-type': 'image/jpeg', 'content-length': '1000' },
      },
      expiresAt: '2026-11-28T05:51:47.000Z',
    });
    expect(images.get(product.id)).toEqual([{ imageId: result.imageId, status: 'pending', contentType: 'image/jpeg' }]);
    expect(presigned).toEqual([
      { key: `uploads/${product.id}/${result.imageId}`, contentType: 'image/jpeg', contentLength: 1000, expiresInSeconds: 900 },
    ]);
  });

  it("lets the group's facilitator presign, as for PATCH", async () => {
    const { uploadDeps, product } = await setUp();

    await expect(requestImageUpload(uploadDeps, facilitator, product.id, jpeg)).resolves.toMatchObject({ upload: { method: 'PUT' } });
  });

  it('hides a draft from others (404) and refuses them a listed product (403)', async () => {
    const { uploadDeps, catalogDeps, product } = await setUp();

    await expect(requestImageUpload(uploadDeps, buyer, product.id, jpeg)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(requestImageUpload(uploadDeps, otherFacilitator, product.id, jpeg)).rejects.toMatchObject({ kind: 'not-found' });
    await listProduct(catalogDeps, seller, product.id);
    await expect(requestImageUpload(uploadDeps, buyer, product.id, jpeg)).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it(`stops at ${maxImagesPerProduct} images (a business rule) and presigns nothing then`, async () => {
    const { uploadDeps, product, presigned } = await setUp();
    for (let i = 0; i < maxImagesPerProduct; i++) await requestImageUpload(uploadDeps, seller, product.id, jpeg);

    await expect(requestImageUpload(uploadDeps, seller, product.id, jpeg)).rejects.toMatchObject({ kind: 'business-rule' });
    expect(presigned).toHaveLength(maxImagesPerProduct);
  });
});

describe('processProductImage', () => {
  it('publishes both renditions as WebP under images/ and marks the image ready with their URLs', async () => {
    const { processingDeps, product, upload, objects, images } = await setUp();
    const { imageId, key, size } = await upload('jpeg 4000 3000');

    const result = await processProductImage(processingDeps, { key, size });

    expect(result).toEqual({ outcome: 'ready' });
    expect(objects.get(`images/${product.id}/${imageId}/thumbnail.webp`)?.contentType).toBe('image/webp');
    expect(objects.get(`images/${product.id}/${imageId}/medium.webp`)?.contentType).toBe('image/webp');
    expect(images.get(product.id)).toEqual([
      {
        imageId,
        status: 'ready',
        urls: {
          thumbnail: `https://cdn.example/${product.id}/${imageId}/thumbnail.webp`,
          medium: `https://cdn.example/${product.id}/${imageId}/medium.webp`,
        },
      },
    ]);
  });

  it.each([
    ['bytes that are no image', 'text file', 'not a decodable image'],
    ['a PNG declared as a JPEG', 'png 100 100', 'png bytes declared as image/jpeg'],
    ['more than 40 megapixels', 'jpeg 8000 6000', '8000×6000 is more than 40 megapixels'],
  ])('rejects %s, publishing nothing', async (_, bytes, reason) => {
    const { processingDeps, product, upload, objects, images } = await setUp();
    const { imageId, key, size } = await upload(bytes);

    const result = await processProductImage(processingDeps, { key, size });

    expect(result).toEqual({ outcome: 'rejected', reason });
    expect(images.get(product.id)).toEqual([{ imageId, status: 'rejected' }]);
    expect([...objects.keys()].filter((name) => name.startsWith('images/'))).toEqual([]);
  });

  it('rejects an object over 5 MiB by the size in its notification, without reading it', async () => {
    const { processingDeps, upload, objects } = await setUp();
    const { key } = await upload('jpeg 10 10');
    objects.delete(key);

    await expect(processProductImage(processingDeps, { key, size: 5 * 1024 * 1024 + 1 })).resolves.toEqual({
      outcome: 'rejected',
      reason: 'larger than 5 MiB',
    });
  });

  it('changes nothing when the same object is delivered again', async () => {
    const { processingDeps, product, upload, objects, images } = await setUp();
    const { key, size } = await upload('jpeg 400 300');
    await processProductImage(processingDeps, { key, size });
    const settled = structuredClone(images.get(product.id));
    objects.set(key, { body: Buffer.from('text now') });

    const again = await processProductImage(processingDeps, { key, size });

    expect(again).toEqual({ outcome: 'already-settled' });
    expect(images.get(product.id)).toEqual(settled);
  });

  it('ignores keys that name no pending image', async () => {
    const { processingDeps, product } = await setUp();

    await expect(processProductImage(processingDeps, { key: 'uploads/elsewhere.jpg', size: 1 })).resolves.toMatchObject({
      outcome: 'unknown-image',
    });
    await expect(
      processProductImage(processingDeps, { key: `uploads/${product.id}/img_01JNKNWN000000000000000000`, size: 1 }),
    ).resolves.toEqual({
      outcome: 'unknown-image',
    });
  });
});
