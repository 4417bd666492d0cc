import { describe, expect, it } from 'vitest';
import { ProductDelisted } from '#events/product-delisted';
import { ProductListed } from '#events/product-listed';
import type { Caller } from '#shared/kernel/auth/caller';
import { createProduct, delistProduct, getProduct, listProduct, updateProduct } from '#shared/catalog/products';
import { fakeCatalog, productFields as fields } from '#test/support/fakes/catalog';
import { fixedClock } from '#test/support/fakes/clock';

const groupId = 'grp_01JGROUP000000000000000000';
const eligible = 'prt_01JELIGIBLE0000000000000000';
const notYet = 'prt_01JNOTYET000000000000000000';
const outsider = 'prt_01JOUTS1DER0000000000000000';

const seller: Caller = { sub: 's', roles: ['participant'], participantId: eligible };
const facilitator: Caller = { sub: 'f', roles: ['facilitator'], groupId };

function setUp() {
  const catalog = fakeCatalog({
    [eligible]: { groupId, sellerStatus: 'eligible' },
    [notYet]: { groupId, sellerStatus: 'not_eligible' },
    [outsider]: { groupId: 'grp_01JOTHER000000000000000000', sellerStatus: 'eligible' },
  });
  const deps = { products: catalog.productStore, sellers: catalog.sellerDirectory, clock: fixedClock() };
  return { catalog, deps };
}

describe('createProduct', () => {
  it('makes a draft for the eligible participant themselves', async () => {
    const { deps } = setUp();

    const product = await createProduct(deps, seller, fields);

    expect(product).toMatchObject({ ...fields, participantId: eligible, groupId, status: 'draft', images: [], listedAt: null });
  });

  it("lets a facilitator create for a participant of their group, not of another's", async () => {
    const { deps } = setUp();

    await expect(createProduct(deps, facilitator, { ...fields, participantId: eligible })).resolves.toMatchObject({
      participantId: eligible,
    });
    await expect(createProduct(deps, facilitator, { ...fields, participantId: outsider })).rejects.toMatchObject({ kind: 'business-rule' });
    await expect(createProduct(deps, facilitator, fields)).rejects.toMatchObject({ kind: 'invalid-input' });
  });

  it('refuses a participant who is not eligible yet (403), for themselves or through a facilitator', async () => {
    const { deps } = setUp();

    await expect(createProduct(deps, { sub: 'n', roles: ['participant'], participantId: notYet }, fields)).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(createProduct(deps, facilitator, { ...fields, participantId: notYet })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('refuses a participant creating for someone else, and other roles', async () => {
    const { deps } = setUp();

    await expect(createProduct(deps, seller, { ...fields, participantId: notYet })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(createProduct(deps, { sub: 'b', roles: ['buyer'] }, fields)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('the listing lifecycle', () => {
  it('draft → listed → delisted → listed, each move with its event', async () => {
    const { deps, catalog } = setUp();
    const { id } = await createProduct(deps, seller, fields);

    const listed = await listProduct(deps, seller, id);
    await expect(listProduct(deps, seller, id)).rejects.toMatchObject({ kind: 'conflict' });
    const delisted = await delistProduct(deps, facilitator, id);
    await expect(delistProduct(deps, seller, id)).rejects.toMatchObject({ kind: 'conflict' });
    const relisted = await listProduct(deps, seller, id);

    expect([listed.status, delisted.status, relisted.status]).toEqual(['listed', 'delisted', 'listed']);
    expect(catalog.events.map((e) => e.contract)).toEqual([ProductListed, ProductDelisted, ProductListed]);
    expect(catalog.events[0]?.data).toEqual({
      productId: id,
      participantId: eligible,
      groupId,
      title: 'Tas anyaman',
      category: 'tas',
      priceIdr: 85_000,
      stock: 3,
    });
  });

  it('shows a draft only to its seller and facilitators; a listed product to anyone', async () => {
    const { deps } = setUp();
    const { id } = await createProduct(deps, seller, fields);
    const stranger: Caller = { sub: 'x', roles: ['facilitator'], groupId: 'grp_01JOTHER000000000000000000' };

    await expect(getProduct(deps, undefined, id)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(getProduct(deps, stranger, id)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(getProduct(deps, facilitator, id)).resolves.toMatchObject({ id });
    await listProduct(deps, seller, id);
    await expect(getProduct(deps, undefined, id)).resolves.toMatchObject({ id, status: 'listed' });
  });

  it('lets only the seller and facilitators edit: 403 on a listed product, 404 on a draft', async () => {
    const { deps } = setUp();
    const draft = await createProduct(deps, seller, fields);
    const onSale = await createProduct(deps, seller, fields);
    await listProduct(deps, seller, onSale.id);
    const buyer: Caller = { sub: 'b', roles: ['buyer'] };

    await expect(updateProduct(deps, seller, draft.id, { priceIdr: 90_000 })).resolves.toMatchObject({ priceIdr: 90_000 });
    await expect(updateProduct(deps, buyer, draft.id, { priceIdr: 1 })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(updateProduct(deps, buyer, onSale.id, { priceIdr: 1 })).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
