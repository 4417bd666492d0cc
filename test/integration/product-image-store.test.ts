import { describe, expect, it } from 'vitest';
import { buildProductImageStore } from '#shared/catalog/dynamo-product-image-store';
import { buildProductStore } from '#shared/catalog/dynamo-product-store';
import { newId } from '#shared/kernel/ids';
import { localTable } from '#test/support/table/local-table';
import { draftProduct } from '#test/support/table/products';

const { doc, table, cursors } = localTable();
const products = buildProductStore(doc, table, cursors);
const images = buildProductImageStore(doc, table);
const at = '2026-11-28T05:36:47.000Z';

async function newProduct() {
  const product = draftProduct(at);
  await products.create(product);
  return product.id;
}

describe('the product image store (DynamoDB Local)', () => {
  it('appends pending images up to the cap, then refuses with a business rule; an unknown product is a 404', async () => {
    const productId = await newProduct();
    const pending = () => ({ imageId: newId('img'), status: 'pending' as const, contentType: 'image/png' as const });

    await Promise.all([1, 2, 3].map(() => images.addPending(productId, pending(), 3, at)));

    await expect(images.addPending(productId, pending(), 3, at)).rejects.toMatchObject({ kind: 'business-rule' });
    await expect(images.addPending(newId('prd'), pending(), 3, at)).rejects.toMatchObject({ kind: 'not-found' });
    expect((await products.get(productId))?.images).toHaveLength(3);
  });

  it('keeps the declared type for the processor, and out of the product', async () => {
    const productId = await newProduct();
    const imageId = newId('img');
    await images.addPending(productId, { imageId, status: 'pending', contentType: 'image/webp' }, 8, at);

    expect(await images.find(productId, imageId)).toEqual({ imageId, status: 'pending', contentType: 'image/webp' });
    expect((await products.get(productId))?.images).toEqual([{ imageId, status: 'pending' }]);
  });

  it('settles a pending image once; a second outcome is refused and changes nothing', async () => {
    const productId = await newProduct();
    const [first, second] = [newId('img'), newId('img')];
    await images.addPending(productId, { imageId: first, status: 'pending', contentType: 'image/jpeg' }, 8, at);
    await images.addPending(productId, { imageId: second, status: 'pending', contentType: 'image/jpeg' }, 8, at);
    const ready = { imageId: second, status: 'ready' as const, urls: { thumbnail: 'https://cdn/t.webp', medium: 'https://cdn/m.webp' } };

    const settled = await images.settle(productId, ready, at);
    const again = await images.settle(productId, { imageId: second, status: 'rejected' }, at);

    expect([settled, again]).toEqual([true, false]);
    expect((await products.get(productId))?.images).toEqual([{ imageId: first, status: 'pending' }, ready]);
  });
});
