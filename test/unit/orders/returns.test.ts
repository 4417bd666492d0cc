import { describe, expect, it } from 'vitest';
import { OrderRefunded } from '#events/order-refunded';
import { ReturnRequested } from '#events/return-requested';
import type { Caller } from '#shared/kernel/auth/caller';
import { BusinessRuleError, ConflictError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import type { LifecycleDeps } from '#shared/orders/lifecycle';
import { recordRefund, refuseReturn, requestReturn } from '#shared/orders/returns';
import { type OrderStatus, RecordRefundSchema, RefuseReturnSchema, RequestReturnSchema } from '#shared/orders/schemas';
import * as z from '#shared/kernel/validation';
import { fixedClock } from '#test/support/fakes/clock';
import { fakeOrders } from '#test/support/fakes/orders';
import { orderableBag, storedOrder } from '#test/support/fakes/order-fixtures';

const groupId = newId('grp');
const deliveredAt = '2026-11-28T05:36:47.000Z';
const day = 24 * 60 * 60 * 1000;
const afterDelivery = (ms: number) => new Date(Date.parse(deliveredAt) + ms).toISOString();

const bag = orderableBag(groupId);

const buyer: Caller = { sub: 'buyer-1', roles: ['buyer'] };
const facilitator: Caller = { sub: 'fac-1', roles: ['facilitator'], groupId };

/** An order of 2 bags, delivered at `deliveredAt`, in the given status; the clock `at` is the step's now. */
function setUp(status: OrderStatus, at = afterDelivery(day)) {
  const fakes = fakeOrders([bag]);
  const order = storedOrder([[bag, 2]], status, {
    createdAt: '2026-11-20T01:00:00.000Z',
    payBy: '2026-11-21T01:00:00.000Z',
    payment: { method: 'bank_transfer', reference: 'BCA 0042', paidAt: '2026-11-20T02:00:00.000Z' },
    shipment: { courier: 'jne', trackingNumber: 'JNE1', shippedAt: '2026-11-21T02:00:00.000Z' },
    deliveredAt,
    updatedAt: deliveredAt,
  });
  fakes.orders.set(order.id, order);
  const deps: LifecycleDeps = { orders: fakes.store, clock: fixedClock(at) };
  return { fakes, deps, order, at };
}

const returnBody = z.parse(RequestReturnSchema, { reason: 'not_as_described', note: ' Warnanya lain, hubungi 0812 ' });
const stockOf = (fakes: ReturnType<typeof fakeOrders>) => fakes.products.get(bag.id)?.stock;

describe('the return window', () => {
  it.each([
    ['a moment after delivery', 1],
    ['on day 7, to the millisecond', 7 * day],
  ])('lets the buyer ask for a return %s', async (_when, ms) => {
    const { deps, order, at } = setUp('delivered', afterDelivery(ms));

    const requested = await requestReturn(deps, buyer, order.id, returnBody);

    expect(requested).toMatchObject({ status: 'return_requested', returnRequest: { requestedAt: at }, updatedAt: at });
  });

  it('refuses a return just past 7 days after delivery with a 422, changing nothing', async () => {
    const { deps, fakes, order } = setUp('delivered', afterDelivery(7 * day + 1));

    const late = requestReturn(deps, buyer, order.id, returnBody);

    await expect(late).rejects.toThrow(
      new BusinessRuleError(`A return can be requested within 7 days of delivery; that ended ${afterDelivery(7 * day)}`),
    );
    expect(fakes.orders.get(order.id)).toEqual(order);
    expect(fakes.events).toEqual([]);
  });

  it('answers a late request of the wrong role 403 and of a wrong status 409, before the window', async () => {
    const late = afterDelivery(30 * day);
    const delivered = setUp('delivered', late);
    const refused = setUp('return_refused', late);

    await expect(requestReturn(delivered.deps, facilitator, delivered.order.id, returnBody)).rejects.toThrow(
      'Only the buyer of the order may do this',
    );
    await expect(requestReturn(refused.deps, buyer, refused.order.id, returnBody)).rejects.toThrow(
      new ConflictError('The order is return_refused. A return can be requested only while it is delivered'),
    );
  });
});

describe('returns and refunds', () => {
  it('records the return with the buyer’s note and announces only the reason code', async () => {
    const { deps, fakes, order, at } = setUp('delivered');

    const requested = await requestReturn(deps, buyer, order.id, returnBody);

    expect(requested.returnRequest).toEqual({ reason: 'not_as_described', requestedAt: at, note: 'Warnanya lain, hubungi 0812' });
    expect(fakes.events.map((event) => [event.contract, event.data, event.occurredAt])).toEqual([
      [ReturnRequested, { orderId: order.id, groupId, reason: 'not_as_described' }, at],
    ]);
    expect(JSON.stringify(fakes.events)).not.toContain('Warnanya');
  });

  it('refunds with restock: stock back, the refund recorded, OrderRefunded with the total and method', async () => {
    const { deps, fakes, order, at } = setUp('return_requested');
    const body = z.parse(RecordRefundSchema, { method: 'bank_transfer', reference: ' BCA-BACK-7 ', restock: true });

    const refunded = await recordRefund(deps, facilitator, order.id, body);

    expect(refunded).toMatchObject({
      status: 'refunded',
      refund: { method: 'bank_transfer', reference: 'BCA-BACK-7', refundedAt: at, restocked: true },
      updatedAt: at,
      payment: order.payment,
    });
    expect(stockOf(fakes)).toBe(5);
    expect(fakes.events.map((event) => [event.contract, event.data, event.occurredAt])).toEqual([
      [OrderRefunded, { orderId: order.id, groupId, totalIdr: 100_000, method: 'bank_transfer' }, at],
    ]);
  });

  it('refunds without restock, leaving the stock as it is', async () => {
    const { deps, fakes, order } = setUp('return_requested');

    const refunded = await recordRefund(deps, facilitator, order.id, { method: 'cash', reference: 'KAS-1', restock: false });

    expect(refunded.refund?.restocked).toBe(false);
    expect(stockOf(fakes)).toBe(3);
  });

  it('refuses a return for good, with the note on the order and no event; the buyer cannot ask again', async () => {
    const { deps, fakes, order, at } = setUp('return_requested');

    const refused = await refuseReturn(deps, facilitator, order.id, { note: 'Dipakai, bukan cacat' });
    const again = requestReturn(deps, buyer, order.id, returnBody);

    expect(refused).toMatchObject({ status: 'return_refused', returnRefusal: { note: 'Dipakai, bukan cacat', refusedAt: at } });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    expect(fakes.events).toEqual([]);
    expect(stockOf(fakes)).toBe(3);
  });
});

describe('the return bodies', () => {
  it('accept the contract’s reasons and methods, and refuse others, blanks, a missing restock and unknown fields', () => {
    const valid = [
      z.safeParse(RequestReturnSchema, { reason: 'wrong_item' }),
      z.safeParse(RequestReturnSchema, { reason: 'damaged', note: 'Robek' }),
      z.safeParse(RecordRefundSchema, { method: 'qris', reference: 'QR-1', restock: false }),
      z.safeParse(RefuseReturnSchema, { note: 'Sudah dipakai' }),
    ];
    const invalid = [
      z.safeParse(RequestReturnSchema, { reason: 'changed_mind' }),
      z.safeParse(RequestReturnSchema, { reason: 'other', note: 'x'.repeat(201) }),
      z.safeParse(RequestReturnSchema, { reason: 'other', requestedAt: deliveredAt }),
      z.safeParse(RecordRefundSchema, { method: 'midtrans', reference: 'x', restock: true }),
      z.safeParse(RecordRefundSchema, { method: 'cash', reference: ' ', restock: true }),
      z.safeParse(RecordRefundSchema, { method: 'cash', reference: 'x' }),
      z.safeParse(RecordRefundSchema, { method: 'cash', reference: 'x', restock: 'yes' }),
      z.safeParse(RefuseReturnSchema, {}),
      z.safeParse(RefuseReturnSchema, { note: '   ' }),
    ];

    expect(valid.map((result) => result.success)).toEqual([true, true, true, true]);
    expect(invalid.map((result) => result.success)).toEqual(invalid.map(() => false));
  });
});
