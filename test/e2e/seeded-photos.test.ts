import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SpawnedRuntime, spawnLocalRuntime } from '#infra/local/spawn-runtime';
import { call, useOwnRuntime } from '#test/support/api/client';

/** `npm start` as a newcomer runs it: its own seeded runtime, whose storefront should show photos. */
let runtime: SpawnedRuntime;

beforeAll(async () => {
  runtime = await spawnLocalRuntime({ port: 0, seed: true });
  useOwnRuntime(runtime.endpoints.apiUrl);
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
});

interface ProductImage {
  status: string;
  urls?: { thumbnail: string; medium: string };
}

describe('the demo data', () => {
  it('lists products that each have a ready photo, whose renditions are served as WebP', async () => {
    const { body } = await call('GET', '/products');
    const products = body.items as { title: string; images: ProductImage[] }[];

    expect(products.length).toBeGreaterThanOrEqual(2);
    for (const product of products) {
      expect(product.images.map((image) => image.status)).toEqual(['ready']);
      const [image] = product.images as [Required<ProductImage>];
      for (const [name, width] of [
        ['thumbnail', 320],
        ['medium', 1024],
      ] as const) {
        const rendition = await fetch(image.urls[name]);
        expect(rendition.status).toBe(200);
        const metadata = await sharp(Buffer.from(await rendition.arrayBuffer())).metadata();
        expect([metadata.format, metadata.width]).toEqual(['webp', width]);
      }
    }
  });

  it('draws a distinct photo for each product', async () => {
    const { body } = await call('GET', '/products');
    const thumbnails = await Promise.all(
      (body.items as { images: Required<ProductImage>[] }[]).map(async (product) =>
        Buffer.from(await (await fetch(product.images[0]?.urls.thumbnail as string)).arrayBuffer()).toString('base64'),
      ),
    );

    expect(new Set(thumbnails).size).toBe(thumbnails.length);
  });
});
