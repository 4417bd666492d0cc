import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { call, eventually, tokenFor } from '#test/support/api/client';
import { newGroupScenario } from '#test/support/api/scenario';
import { newProduct } from '#test/support/api/shop';

interface ProductImage {
  imageId: string;
  status: string;
  urls?: { thumbnail: string; medium: string };
}

/** A listed product of a fresh eligible seller: listed, so its images can be read back through the public list. */
async function listedProduct() {
  const scenario = await newGroupScenario({ sessionsRequired: 1 });
  const seller = await scenario.eligibleParticipant();
  const productId = (await newProduct(seller.participantToken)).id;
  const imageOf = async (imageId: string): Promise<ProductImage | undefined> => {
    const { body } = await call('GET', `/products?artisanId=${seller.participant.id}`);
    return (body.items[0].images as ProductImage[]).find((image) => image.imageId === imageId);
  };
  return { ...scenario, ...seller, productId, imageOf };
}

/** A photo as a phone takes it: turned sideways by its EXIF orientation, with the camera and where it was taken. */
const phonePhoto = () =>
  sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 180, g: 120, b: 60 } } })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Pocket 9', Copyright: 'Siti Aminah' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '8/1 35/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 6/1 0/1' },
    })
    .jpeg({ quality: 85 })
    .toBuffer();

const put = (upload: { url: string; headers: Record<string, string> }, body: Buffer) =>
  fetch(upload.url, { method: 'PUT', headers: { 'content-type': upload.headers['content-type'] as string }, body });

describe('product images', () => {
  it('turns an uploaded JPEG into upright WebP renditions that carry no EXIF or GPS', async () => {
    // Prepare
    const { participantToken, productId, imageOf } = await listedProduct();
    const photo = await phonePhoto();
    const original = await sharp(photo).metadata();
    expect(original.exif?.toString('latin1')).toContain('PhoneMaker');
    expect(original.orientation).toBe(6);

    // Act
    const presigned = await call('POST', `/products/${productId}/images`, {
      token: participantToken,
      body: { contentType: 'image/jpeg', contentLength: photo.length },
    });
    const uploaded = await put(presigned.body.upload, photo);
    const ready = await eventually(async () => {
      const image = await imageOf(presigned.body.imageId);
      expect(image?.status).toBe('ready');
      return image as Required<ProductImage>;
    });

    // Assert
    expect(presigned.status).toBe(201);
    expect(presigned.body).toMatchObject({
      imageId: expect.stringMatching(/^img_/),
      upload: { method: 'PUT', headers: { 'content-type': 'image/jpeg', 'content-length': String(photo.length) } },
    });
    expect(new Date(presigned.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(14 * 60 * 1000);
    expect(presigned.body.upload.url).toContain(`/uploads/${productId}/${presigned.body.imageId}?`);
    expect(uploaded.status).toBe(200);
    expect(ready.urls.thumbnail).toMatch(/\/thumbnail\.webp$/);
    for (const [name, maxWidth] of [
      ['thumbnail', 320],
      ['medium', 1024],
    ] as const) {
      const response = await fetch(ready.urls[name]);
      expect(response.status).toBe(200);
      const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(metadata.format).toBe('webp');
      expect(metadata.width).toBe(maxWidth);
      // Turned upright: the sideways 1600×1200 photo is portrait now.
      expect(metadata.height).toBeGreaterThan(metadata.width);
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.icc).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
    }
  });

  it('rejects a text file that claims to be a PNG, and a repeated upload changes nothing once settled', async () => {
    // Prepare
    const { facilitator, productId, imageOf } = await listedProduct();
    const text = Buffer.from('definitely not a PNG, just words\n'.repeat(20));
    const presigned = await call('POST', `/products/${productId}/images`, {
      token: facilitator,
      body: { contentType: 'image/png', contentLength: text.length },
    });

    // Act
    await put(presigned.body.upload, text);
    const rejected = await eventually(async () => {
      const image = await imageOf(presigned.body.imageId);
      expect(image?.status).toBe('rejected');
      return image;
    });
    // The same object again (S3 may deliver a notification twice, a client may retry): the outcome stands.
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: 'white' } })
      .png()
      .toBuffer();
    await put(presigned.body.upload, Buffer.concat([png, Buffer.alloc(text.length - png.length)]));
    await new Promise((resolve) => setTimeout(resolve, 500));

    // Assert
    expect(presigned.status).toBe(201);
    expect(rejected).toEqual({ imageId: presigned.body.imageId, status: 'rejected' });
    expect(await imageOf(presigned.body.imageId)).toEqual(rejected);
  });

  it('refuses an upload over 5 MiB (400 naming body.contentLength) and a type it does not take (400)', async () => {
    const { participantToken, productId } = await listedProduct();

    const oversize = await call('POST', `/products/${productId}/images`, {
      token: participantToken,
      body: { contentType: 'image/jpeg', contentLength: 5 * 1024 * 1024 + 1 },
    });
    const gif = await call('POST', `/products/${productId}/images`, {
      token: participantToken,
      body: { contentType: 'image/gif', contentLength: 10 },
    });

    expect(oversize.status).toBe(400);
    expect(oversize.body.errors.map((error: { path: string }) => error.path)).toEqual(['body.contentLength']);
    expect(gif.status).toBe(400);
    expect(gif.body.errors.map((error: { path: string }) => error.path)).toEqual(['body.contentType']);
  });

  it("refuses others: 403 on a listed product, 404 on a draft they cannot see; another group's facilitator alike", async () => {
    const { participantToken, productId } = await listedProduct();
    const draft = await newProduct(participantToken, {}, false);
    const buyer = await tokenFor({ sub: `b-${randomUUID()}`, roles: ['buyer'] });
    const other = await newGroupScenario({ sessionsRequired: 1 });
    const request = { contentType: 'image/png', contentLength: 1000 };

    const listedByBuyer = await call('POST', `/products/${productId}/images`, { token: buyer, body: request });
    const draftByBuyer = await call('POST', `/products/${draft.id}/images`, { token: buyer, body: request });
    const draftByOtherFacilitator = await call('POST', `/products/${draft.id}/images`, { token: other.facilitator, body: request });
    const anonymous = await call('POST', `/products/${productId}/images`, { body: request });

    expect(listedByBuyer.status).toBe(403);
    expect(draftByBuyer.status).toBe(404);
    expect(draftByOtherFacilitator.status).toBe(404);
    expect(anonymous.status).toBe(401);
  });

  it('takes at most 8 images per product (422 for the ninth)', async () => {
    const { participantToken, productId } = await listedProduct();
    const request = { contentType: 'image/webp', contentLength: 1000 };

    const statuses = [];
    for (let i = 0; i < 9; i++)
      statuses.push((await call('POST', `/products/${productId}/images`, { token: participantToken, body: request })).status);

    expect(statuses).toEqual([...Array(8).fill(201), 422]);
  });
});
