import { describe, expect, it } from 'vitest';
import { OrderCancelled } from '#events/order-cancelled';
import type { Caller } from '#shared/kernel/auth/caller';
import { newId } from '#shared/kernel/ids';
import { recordPayment } from '#shared/orders/lifecycle';
import { placeOrder } from '#shared/orders/orders';
import { expireUnpaidOrders } from '#shared/orders/payment-expiry';
import { defaultPaymentWindowSeconds, paymentWindowSeconds } from '#shared/orders/payment-window';
import { PlaceOrderSchema } from '#shared/orders/schemas';
import * as z from '#shared/kernel/validation';
import { fixedClock, movableClock } from '#test/support/fakes/clock';
import { recordingCounter } from '#test/support/fakes/counter';
import { fakeOrders } from '#test/support/fakes/orders';
import { orderableBag } from '#test/support/fakes/order-fixtures';

const groupId = newId('grp');
const bag = orderableBag(groupId, { priceIdr: 85_000, stock: 5 });
const buyer: Caller = { sub: 'buyer-1', roles: ['buyer'] };
const facilitator: Caller = { sub: 'fac-1', roles: ['facilitator'], groupId };
const shipping = { recipientName: 'Budi', phone: '081234567890', address: 'Jl. Pejanggik 10', city: 'Mataram', postalCode: '83121' };
const twoBags = z.parse(PlaceOrderSchema, { items: [{ productId: bag.id, quantity: 2 }], shipping });
const placedAt = '2026-11-28T05:36:47.000Z';

function setUp(windowSeconds = 60) {
  const fakes = fakeOrders([{ ...bag }]);
  const { clock, advance } = movableClock(placedAt);
  const deps = {
    orders: fakes.store,
    catalog: fakes.catalog,
    clock,
    counter: recordingCounter().counter,
    paymentWindowSeconds: windowSeconds,
  };
  const sweeper = { expiries: fakes.expiries, orders: fakes.store, clock };
  return { fakes, deps, sweeper, advance };
}

describe('the payment window', () => {
  it('is 24 hours unless ORDER_PAYMENT_WINDOW_SECONDS sets whole seconds; anything else fails at cold start', () => {
    expect([paymentWindowSeconds(undefined), paymentWindowSeconds(''), paymentWindowSeconds('15')]).toEqual([86_400, 86_400, 15]);
    for (const wrong of ['0', '-5', '1.5', '15s', 'abc']) expect(() => paymentWindowSeconds(wrong)).toThrow(/ORDER_PAYMENT_WINDOW_SECONDS/);
  });

  it('gives every order payBy: its createdAt plus the window', async () => {
    const { deps } = setUp(15);

    const order = await placeOrder({ ...deps, clock: fixedClock(placedAt) }, buyer, 'k', twoBags);

    expect([order.createdAt, order.payBy]).toEqual([placedAt, '2026-11-28T05:37:02.000Z']);
    expect(defaultPaymentWindowSeconds).toBe(24 * 60 * 60);
  });
});

describe('expireUnpaidOrders', () => {
  it('leaves an order alone before its payBy and cancels it at payBy: stock back, by the system, OrderCancelled', async () => {
    const { fakes, deps, sweeper, advance } = setUp(60);
    const order = await placeOrder(deps, buyer, 'k', twoBags);

    advance(59_999);
    const early = await expireUnpaidOrders(sweeper);
    const stockBefore = fakes.products.get(bag.id)?.stock;
    advance(1);
    const onTime = await expireUnpaidOrders(sweeper);
    const again = await expireUnpaidOrders(sweeper);

    expect([early.done, onTime.done, again.done]).toEqual([0, 1, 0]);
    expect(stockBefore).toBe(3);
    expect(fakes.products.get(bag.id)?.stock).toBe(5);
    expect(fakes.orders.get(order.id)).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'payment_expired', by: 'system', cancelledAt: order.payBy },
    });
    expect(fakes.events.map((event) => [event.contract, event.data])).toContainEqual([
      OrderCancelled,
      { orderId: order.id, groupId, reason: 'payment_expired' },
    ]);
  });

  it('leaves a paid order paid after its payBy, and refuses a payment after expiry as a conflict (409)', async () => {
    const { fakes, deps, sweeper, advance } = setUp(60);
    const paid = await placeOrder(
      deps,
      buyer,
      'paid',
      z.parse(PlaceOrderSchema, { items: [{ productId: bag.id, quantity: 1 }], shipping }),
    );
    const unpaid = await placeOrder(
      deps,
      buyer,
      'unpaid',
      z.parse(PlaceOrderSchema, { items: [{ productId: bag.id, quantity: 1 }], shipping }),
    );
    await recordPayment({ orders: fakes.store, clock: deps.clock }, facilitator, paid.id, { method: 'cash', reference: 'Kas 1' });

    advance(61_000);
    await expireUnpaidOrders(sweeper);
    const late = recordPayment({ orders: fakes.store, clock: deps.clock }, facilitator, unpaid.id, { method: 'cash', reference: 'Kas 2' });

    expect(fakes.orders.get(paid.id)?.status).toBe('paid');
    await expect(late).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('The order is cancelled') });
  });
});
