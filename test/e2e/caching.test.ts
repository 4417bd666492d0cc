import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, tokenFor } from '#test/support/api/client';
import { newShop } from '#test/support/api/shop';

const cacheControl = (response: { headers: Headers }) => response.headers.get('cache-control');

describe('caching for crowds (CONTRACT §1)', () => {
  it('a public GET without a token may be shared for its declared max-age; the same GET with a token may not', async () => {
    const officer = await tokenFor({ sub: `officer-${randomUUID()}`, roles: ['officer'] });

    const anonymous = await call('GET', '/groups');
    const signedIn = await call('GET', '/groups', { token: officer });

    expect([anonymous.status, cacheControl(anonymous), anonymous.headers.get('vary')]).toEqual([
      200,
      'public, max-age=60',
      'authorization',
    ]);
    expect([signedIn.status, cacheControl(signedIn), signedIn.headers.get('vary')]).toEqual([200, 'no-store', 'authorization']);
  });

  it('an optional-auth GET is shared only when asked without a token, when everybody gets the same answer', async () => {
    const { productId, participantToken } = await newShop();

    const anonymous = await call('GET', `/products/${productId}`);
    const asSeller = await call('GET', `/products/${productId}`, { token: participantToken });
    const listed = await call('GET', `/products?groupId=${anonymous.body.groupId}`);

    expect([anonymous.status, cacheControl(anonymous)]).toEqual([200, 'public, max-age=30']);
    expect([asSeller.status, cacheControl(asSeller)]).toEqual([200, 'no-store']);
    expect([listed.status, cacheControl(listed)]).toEqual([200, 'public, max-age=30']);
  });

  it('an anonymous 404 is kept 10 s at most; a 400 is never kept', async () => {
    const missing = await call('GET', '/products/prd_01JZZZZZZZZZZZZZZZZZZZZZZZ');
    const invalid = await call('GET', '/products?limit=0');

    expect([missing.status, cacheControl(missing)]).toEqual([404, 'public, max-age=10']);
    expect([invalid.status, cacheControl(invalid)]).toEqual([400, 'no-store']);
  });

  it('a write is never public, with or without a token, and a jwt GET stays no-store', async () => {
    const admin = await tokenFor({ sub: `admin-${randomUUID()}`, roles: ['admin'] });

    const created = await call('POST', '/groups', { token: admin, body: { name: 'Cache', focus: 'F', district: `D-${randomUUID()}` } });
    const notification = await call('POST', '/payments/midtrans/notifications', { body: {} });
    const orders = await call('GET', '/orders', { token: admin });

    expect([created.status, cacheControl(created)]).toEqual([201, 'no-store']);
    expect(cacheControl(notification)).toBe('no-store');
    expect([orders.status, cacheControl(orders), orders.headers.get('vary')]).toEqual([200, 'no-store', null]);
  });
});
