import { describe, expect, it } from 'vitest';
import { BrowseProductsQuerySchema, CreateProductSchema, RequestImageUploadSchema, UpdateProductSchema } from '#shared/catalog/schemas';
import * as z from '#shared/kernel/validation';

const valid = {
  title: 'Tas',
  description: 'Dari plastik',
  category: 'hiasan-dinding',
  priceIdr: 50_000,
  stock: 0,
  materials: [{ material: 'plastik', grams: 80 }],
};

const failingPaths = (schema: z.ZodMiniType, value: unknown) => {
  const result = z.safeParse(schema, value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('CreateProductSchema', () => {
  it('accepts a well-formed product', () => {
    expect(failingPaths(CreateProductSchema, valid)).toEqual([]);
  });

  it.each([
    ['a price with decimals', { priceIdr: 50_000.5 }, 'priceIdr'],
    ['a zero price', { priceIdr: 0 }, 'priceIdr'],
    ['negative stock', { stock: -1 }, 'stock'],
    ['a category that is not a slug', { category: 'Tas Anyaman' }, 'category'],
    ['no materials', { materials: [] }, 'materials'],
    ['a material without grams', { materials: [{ material: 'plastik' }] }, 'materials.0.grams'],
    ['a title of only spaces', { title: '   ' }, 'title'],
    ['a very long title', { title: 'x'.repeat(121) }, 'title'],
  ])('refuses %s', (_, change, path) => {
    expect(failingPaths(CreateProductSchema, { ...valid, ...change })).toContain(path);
  });

  it('refuses unknown fields, such as a client-chosen status', () => {
    expect(failingPaths(CreateProductSchema, { ...valid, status: 'listed' })).toEqual(['']);
  });
});

describe('UpdateProductSchema', () => {
  it('accepts any one field and refuses an empty patch', () => {
    expect(failingPaths(UpdateProductSchema, { stock: 7 })).toEqual([]);
    expect(failingPaths(UpdateProductSchema, {})).toEqual(['']);
  });
});

describe('BrowseProductsQuerySchema', () => {
  it('reads the limit from the query string and checks the filters', () => {
    expect(z.parse(BrowseProductsQuerySchema, { limit: '5', category: 'tas' })).toEqual({ limit: 5, category: 'tas' });
    expect(failingPaths(BrowseProductsQuerySchema, { groupId: 'grp_nope' })).toEqual(['groupId']);
  });
});

describe('RequestImageUploadSchema', () => {
  it('accepts JPEG, PNG and WebP of 1 byte to 5 MiB', () => {
    for (const contentType of ['image/jpeg', 'image/png', 'image/webp']) {
      expect(z.safeParse(RequestImageUploadSchema, { contentType, contentLength: 5 * 1024 * 1024 }).success).toBe(true);
    }
  });

  it.each([
    ['another type', { contentType: 'image/gif', contentLength: 10 }],
    ['an empty file', { contentType: 'image/png', contentLength: 0 }],
    ['more than 5 MiB', { contentType: 'image/png', contentLength: 5 * 1024 * 1024 + 1 }],
    ['a fractional length', { contentType: 'image/png', contentLength: 10.5 }],
    ['unknown fields', { contentType: 'image/png', contentLength: 10, fileName: 'a.png' }],
  ])('refuses %s', (_, input) => {
    expect(z.safeParse(RequestImageUploadSchema, input).success).toBe(false);
  });
});
