import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SpawnedRuntime, spawnLocalRuntime } from '#infra/local/spawn-runtime';
import { call, eventually, useOwnRuntime } from '#test/support/api/client';
import { midtransNotification, notifyMidtrans, setMidtransTransaction } from '#test/support/api/midtrans';
import { newShop, orderEvents } from '#test/support/api/shop';

/**
 * The payment window as the contract runs it locally (CONTRACT §3 Orders, §5): this file's own runtime gives orders
 * 15 seconds, and its scheduler sweeps the expiry partition as the deployed rule does, only more often.
 */
const windowSeconds = 15;
let runtime: SpawnedRuntime;

beforeAll(async () => {
  runtime = await spawnLocalRuntime({ port: 0, seed: false, env: { ORDER_PAYMENT_WINDOW_SECONDS: String(windowSeconds) } });
  useOwnRuntime(runtime.endpoints.apiUrl);
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
});

describe('an order nobody pays', () => {
  it('is cancelled by the system within 10 s of its payBy, stock back, and a later payment gets 409', async () => {
    // Prepare
    const shop = await newShop();
    const unpaid = await shop.placeOrder(2);
    const paid = await shop.placeOrder(1);
    expect(
      (await call('POST', `/orders/${paid.id}/payment`, { token: shop.facilitator, body: { method: 'cash', reference: 'Kas 7' } })).status,
    ).toBe(200);
    const placed = (await call('GET', `/orders/${unpaid.id}`, { token: shop.buyer.token })).body;
    const payBy = Date.parse(placed.payBy);

    // Act: wait for the system, no longer than the contract allows
    const cancelled = await eventually(
      async () => {
        const order = (await call('GET', `/orders/${unpaid.id}`, { token: shop.buyer.token })).body;
        expect(order.status).toBe('cancelled');
        return order;
      },
      { timeoutMs: windowSeconds * 1000 + 10_000, intervalMs: 250 },
    );
    const seenAt = Date.now();
    const lateByHand = await call('POST', `/orders/${unpaid.id}/payment`, {
      token: shop.facilitator,
      body: { method: 'cash', reference: 'Kas 8' },
    });
    await setMidtransTransaction({ order_id: unpaid.id, transaction_status: 'settlement', gross_amount: `${unpaid.totalIdr}.00` });
    const lateByMidtrans = await notifyMidtrans(midtransNotification(unpaid.id, `${unpaid.totalIdr}.00`));

    // Assert
    expect(payBy - Date.parse(placed.createdAt)).toBe(windowSeconds * 1000);
    expect(seenAt - payBy).toBeLessThan(10_000);
    expect(cancelled.cancellation).toMatchObject({ reason: 'payment_expired', by: 'system' });
    expect(Date.parse(cancelled.cancellation.cancelledAt)).toBeGreaterThanOrEqual(payBy);
    expect(await shop.stock()).toBe(10 - 1);
    expect((await call('GET', `/orders/${paid.id}`, { token: shop.buyer.token })).body.status).toBe('paid');
    expect([lateByHand.status, lateByMidtrans.status]).toEqual([409, 409]);
    expect(lateByHand.body.detail).toContain('The order is cancelled');
    const announced = await eventually(async () => {
      const found = (await orderEvents(unpaid.id)).filter((event) => event.detailType === 'OrderCancelled');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(announced[0]?.detail.data).toEqual({ orderId: unpaid.id, groupId: shop.groupId, reason: 'payment_expired' });
  }, 60_000);
});
