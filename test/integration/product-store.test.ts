import { describe, expect, it } from 'vitest';
import { ProductDelisted } from '#events/product-delisted';
import { ProductListed } from '#events/product-listed';
import { buildProductStore } from '#shared/catalog/dynamo-product-store';
import type { Product } from '#shared/catalog/schemas';
import { newId } from '#shared/kernel/ids';
import { pendingEvent } from '#shared/kernel/store/outbox';
import { localTable } from '#test/support/table/local-table';
import { draftProduct, storedListing } from '#test/support/table/products';

const { doc, table, cursors } = localTable();
const products = buildProductStore(doc, table, cursors);

// Later than anything other test files list concurrently, so these lead the shared all-listings index.
let clock = Date.parse('2099-01-01T00:00:00.000Z');
const tick = () => new Date((clock += 1000)).toISOString();

// A category of its own, so category listings hold only this test's products.
const draft = (overrides: Partial<Product> = {}) =>
  draftProduct(tick(), { category: `tas-${newId('grp').slice(-6).toLowerCase()}`, ...overrides });

const listed = (product: Product) => storedListing(products, product, tick());

const ids = (page: { items: Product[] }) => page.items.map((p) => p.id);

describe('DynamoDB product store', () => {
  it('finds a listed product by group, category, artisan and in all listings, newest first', async () => {
    const base = draft();
    const older = await listed(base);
    const newer = await listed(draft({ groupId: base.groupId, category: base.category, participantId: base.participantId }));

    const byGroup = await products.browse({ groupId: base.groupId }, { limit: 20 });
    const byCategory = await products.browse({ category: base.category }, { limit: 20 });
    const byArtisan = await products.browse({ artisanId: base.participantId }, { limit: 20 });
    const all = await products.browse({}, { limit: 100 });

    expect(ids(byGroup)).toEqual([newer.id, older.id]);
    expect(ids(byCategory)).toEqual([newer.id, older.id]);
    expect(ids(byArtisan)).toEqual([newer.id, older.id]);
    expect(ids(all).filter((id) => id === newer.id || id === older.id)).toEqual([newer.id, older.id]);
  });

  it('keeps drafts out of every listing, and takes a delisted product out', async () => {
    const hidden = draft();
    await products.create(hidden);
    const shown = await listed(draft({ groupId: hidden.groupId }));
    const at = tick();
    await products.transition(
      shown,
      'delisted',
      at,
      pendingEvent(ProductDelisted, { productId: shown.id, participantId: shown.participantId, groupId: shown.groupId }, at),
    );

    expect(ids(await products.browse({ groupId: hidden.groupId }, { limit: 20 }))).toEqual([]);
    await expect(products.get(shown.id)).resolves.toMatchObject({ status: 'delisted' });
  });

  it('combines filters: the index of the most selective one, narrowed by the others, paging across filtered reads', async () => {
    const base = draft();
    const wanted: Product[] = [];
    for (let i = 0; i < 5; i++) {
      wanted.push(await listed(draft({ groupId: base.groupId, category: base.category })));
      await listed(draft({ groupId: base.groupId, category: `${base.category}-x` }));
    }

    const first = await products.browse({ groupId: base.groupId, category: base.category }, { limit: 3 });
    const second = await products.browse(
      { groupId: base.groupId, category: base.category },
      { limit: 3, cursor: first.nextCursor ?? undefined },
    );

    expect(ids(first)).toEqual(
      wanted
        .slice(2)
        .reverse()
        .map((p) => p.id),
    );
    expect(ids(second)).toEqual(
      wanted
        .slice(0, 2)
        .reverse()
        .map((p) => p.id),
    );
    expect(second.nextCursor).toBeNull();
  });

  it('moves a listed product to its new category index when its category changes', async () => {
    const product = await listed(draft());

    await products.update(product, { category: `${product.category}-baru` }, tick());

    expect(ids(await products.browse({ category: product.category }, { limit: 20 }))).toEqual([]);
    expect(ids(await products.browse({ category: `${product.category}-baru` }, { limit: 20 }))).toEqual([product.id]);
  });

  it('refuses a move from a status the product has already left', async () => {
    const product = await listed(draft());
    const stale = { ...product, status: 'draft' as const };
    const at = tick();

    await expect(
      products.transition(
        stale,
        'listed',
        at,
        pendingEvent(
          ProductListed,
          {
            productId: product.id,
            participantId: product.participantId,
            groupId: product.groupId,
            title: 't',
            category: 'c',
            priceIdr: 1,
            stock: 0,
          },
          at,
        ),
      ),
    ).rejects.toMatchObject({ kind: 'conflict' });
    await expect(products.update(stale, { stock: 9 }, at)).rejects.toMatchObject({ kind: 'conflict' });
  });
});
