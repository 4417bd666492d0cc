import { describe, expect, it } from 'vitest';
import { OrderCancelled } from '#events/order-cancelled';
import { OrderDelivered } from '#events/order-delivered';
import { OrderPaid } from '#events/order-paid';
import { OrderRefunded } from '#events/order-refunded';
import { OrderShipped } from '#events/order-shipped';
import type { Caller } from '#shared/kernel/auth/caller';
import { BusinessRuleError, ConflictError, type DomainError, ForbiddenError, NotFoundError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import { cancelOrder, confirmDelivery, type LifecycleDeps, recordPayment, recordShipment } from '#shared/orders/lifecycle';
import type { OrderStore } from '#shared/orders/ports';
import { recordRefund, refuseReturn, requestReturn } from '#shared/orders/returns';
import {
  CancelOrderSchema,
  type Order,
  type OrderStatus,
  RecordPaymentSchema,
  RecordRefundSchema,
  RecordShipmentSchema,
  RefuseReturnSchema,
  RequestReturnSchema,
} from '#shared/orders/schemas';
import * as z from '#shared/kernel/validation';
import { fixedClock } from '#test/support/fakes/clock';
import { fakeOrders } from '#test/support/fakes/orders';
import { orderableBag, storedOrder } from '#test/support/fakes/order-fixtures';

const groupId = newId('grp');
const seller = newId('prt');
const otherSeller = newId('prt');
const at = '2026-11-28T05:36:47.000Z';

const bag = orderableBag(groupId, { participantId: seller });
const mat = orderableBag(groupId, { participantId: otherSeller, title: 'Tikar', priceIdr: 20_000, stock: 0 });

function orderIn(status: OrderStatus): Order {
  // A day before the clock's now: well within the return window.
  const delivered = ['placed', 'paid', 'shipped', 'cancelled'].includes(status) ? {} : { deliveredAt: '2026-11-27T05:36:47.000Z' };
  return storedOrder(
    [
      [bag, 2],
      [mat, 1],
    ],
    status,
    delivered,
  );
}

function setUp(status: OrderStatus) {
  const fakes = fakeOrders([bag, mat]);
  const order = orderIn(status);
  fakes.orders.set(order.id, order);
  const deps: LifecycleDeps = { orders: fakes.store, clock: fixedClock(at) };
  return { fakes, deps, order };
}

const callers: Record<string, Caller> = {
  facilitator: { sub: 'fac-1', roles: ['facilitator'], groupId },
  buyer: { sub: 'buyer-1', roles: ['buyer'] },
  admin: { sub: 'admin-1', roles: ['admin'] },
  seller: { sub: 'prt-1', roles: ['participant'], participantId: seller },
  otherFacilitator: { sub: 'fac-2', roles: ['facilitator'], groupId: newId('grp') },
  otherBuyer: { sub: 'buyer-2', roles: ['buyer'] },
  officer: { sub: 'officer-1', roles: ['officer'] },
  otherParticipant: { sub: 'prt-2', roles: ['participant'], participantId: newId('prt') },
};

const payment = z.parse(RecordPaymentSchema, { method: 'bank_transfer', reference: ' BCA 0042 ' });
const shipment = z.parse(RecordShipmentSchema, { courier: 'jne', trackingNumber: 'JNE123' });
const reason = z.parse(CancelOrderSchema, { reason: 'buyer_request', note: 'Buyer changed their mind' });
const withRefund = z.parse(CancelOrderSchema, { ...reason, refund: { method: 'qris', reference: ' QR-BACK-1 ' } });
const returnBody = z.parse(RequestReturnSchema, { reason: 'damaged', note: 'Jahitan lepas' });
const refundBody = z.parse(RecordRefundSchema, { method: 'cash', reference: 'KAS-9', restock: true });
const refusalBody = z.parse(RefuseReturnSchema, { note: 'Rusak karena dipakai' });

/** Each step with a body that fits the order: a paid order is cancelled with its refund, as the contract requires. */
const steps = {
  payment: (deps: LifecycleDeps, caller: Caller, order: Order) => recordPayment(deps, caller, order.id, payment),
  shipment: (deps: LifecycleDeps, caller: Caller, order: Order) => recordShipment(deps, caller, order.id, shipment),
  delivery: (deps: LifecycleDeps, caller: Caller, order: Order) => confirmDelivery(deps, caller, order.id),
  cancellation: (deps: LifecycleDeps, caller: Caller, order: Order) =>
    cancelOrder(deps, caller, order.id, order.status === 'paid' ? withRefund : reason),
  return: (deps: LifecycleDeps, caller: Caller, order: Order) => requestReturn(deps, caller, order.id, returnBody),
  refund: (deps: LifecycleDeps, caller: Caller, order: Order) => recordRefund(deps, caller, order.id, refundBody),
  returnRefusal: (deps: LifecycleDeps, caller: Caller, order: Order) => refuseReturn(deps, caller, order.id, refusalBody),
};

/** How many events a step that succeeds writes: a refused return announces nothing, a paid cancellation its refund too. */
const eventsOf = (step: keyof typeof steps, status: OrderStatus) =>
  step === 'returnRefusal' ? 0 : step === 'cancellation' && status === 'paid' ? 2 : 1;

const statuses: OrderStatus[] = ['placed', 'paid', 'shipped', 'delivered', 'cancelled', 'return_requested', 'refunded', 'return_refused'];
const outsiders = '404 404 404 404 404 404 404 404';
const refused = '403 403 403 403 403 403 403 403';

/**
 * Written out by hand from CONTRACT §3, one column per status in the order placed, paid, shipped, delivered,
 * cancelled, return_requested, refunded, return_refused.
 */
const expected: Record<keyof typeof steps, Record<keyof typeof callers, string>> = {
  payment: {
    facilitator: '200 409 409 409 409 409 409 409',
    buyer: refused,
    admin: refused,
    seller: refused,
    otherFacilitator: outsiders,
    otherBuyer: outsiders,
    officer: outsiders,
    otherParticipant: outsiders,
  },
  shipment: {
    facilitator: '409 200 409 409 409 409 409 409',
    buyer: refused,
    admin: refused,
    seller: refused,
    otherFacilitator: outsiders,
    otherBuyer: outsiders,
    officer: outsiders,
    otherParticipant: outsiders,
  },
  delivery: {
    facilitator: '409 409 200 409 409 409 409 409',
    buyer: '409 409 200 409 409 409 409 409',
    admin: refused,
    seller: refused,
    otherFacilitator: outsiders,
    otherBuyer: outsiders,
    officer: outsiders,
    otherParticipant: outsiders,
  },
  cancellation: {
    facilitator: '200 200 409 409 409 409 409 409',
    buyer: '200 409 409 409 409 409 409 409',
    admin: refused,
    seller: refused,
    otherFacilitator: outsiders,
    otherBuyer: outsiders,
    officer: outsiders,
    otherParticipant: outsiders,
  },
  return: {
    facilitator: refused,
    buyer: '409 409 409 200 409 409 409 409',
    admin: refused,
    seller: refused,
    otherFacilitator: outsiders,
    otherBuyer: outsiders,
    officer: outsiders,
    otherParticipant: outsiders,
  },
  refund: {
    facilitator: '409 409 409 409 409 200 409 409',
    buyer: refused,
    admin: refused,
    seller: refused,
    otherFacilitator: outsiders,
    otherBuyer: outsiders,
    officer: outsiders,
    otherParticipant: outsiders,
  },
  returnRefusal: {
    facilitator: '409 409 409 409 409 200 409 409',
    buyer: refused,
    admin: refused,
    seller: refused,
    otherFacilitator: outsiders,
    otherBuyer: outsiders,
    officer: outsiders,
    otherParticipant: outsiders,
  },
};

const statusOf = (error: unknown) =>
  error instanceof NotFoundError ? 404 : error instanceof ForbiddenError ? 403 : error instanceof ConflictError ? 409 : 500;

const cases = Object.entries(expected).flatMap(([step, byRole]) =>
  Object.entries(byRole).flatMap(([role, row]) =>
    row.split(' ').map((code, index) => [step as keyof typeof steps, role, statuses[index] as OrderStatus, Number(code)] as const),
  ),
);

describe('the lifecycle rules, every (step, role, status)', () => {
  it.each(cases)('%s by %s while %s → %i', async (step, role, status, code) => {
    // Prepare
    const { deps, fakes, order } = setUp(status);

    // Act
    const outcome = await steps[step](deps, callers[role] as Caller, order).then(
      () => 200,
      (error: unknown) => statusOf(error),
    );

    // Assert
    expect(outcome).toBe(code);
    expect(fakes.events).toHaveLength(code === 200 ? eventsOf(step, status) : 0);
    if (code !== 200) expect(fakes.orders.get(order.id)).toEqual(order);
  });
});

describe('lifecycle steps', () => {
  it('records the payment on the order and announces OrderPaid with ids and figures', async () => {
    const { deps, fakes, order } = setUp('placed');

    const paid = await recordPayment(deps, callers.facilitator as Caller, order.id, payment);

    expect(paid).toEqual({
      ...order,
      status: 'paid',
      payment: { method: 'bank_transfer', reference: 'BCA 0042', paidAt: at },
      updatedAt: at,
    });
    expect(fakes.orders.get(order.id)).toEqual(paid);
    expect(fakes.events.map((event) => [event.contract, event.data, event.occurredAt])).toEqual([
      [OrderPaid, { orderId: order.id, groupId, totalIdr: 120_000, method: 'bank_transfer' }, at],
    ]);
  });

  it('records the shipment and the delivery, each with its event', async () => {
    const { deps, fakes, order } = setUp('paid');

    const shipped = await recordShipment(deps, callers.facilitator as Caller, order.id, shipment);
    const delivered = await confirmDelivery(deps, callers.buyer as Caller, order.id);

    expect(shipped.shipment).toEqual({ courier: 'jne', trackingNumber: 'JNE123', shippedAt: at });
    expect(delivered).toMatchObject({ status: 'delivered', deliveredAt: at, shipment: shipped.shipment, updatedAt: at });
    expect(fakes.events.map((event) => [event.contract, event.data])).toEqual([
      [OrderShipped, { orderId: order.id, groupId, courier: 'jne', trackingNumber: 'JNE123' }],
      [OrderDelivered, { orderId: order.id, groupId }],
    ]);
  });

  it('cancels with who did it, gives every line’s stock back and announces the reason', async () => {
    const { deps, fakes, order } = setUp('placed');

    const cancelled = await cancelOrder(deps, callers.facilitator as Caller, order.id, reason);

    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'buyer_request', by: 'facilitator', cancelledAt: at, note: 'Buyer changed their mind' },
    });
    expect(cancelled).not.toHaveProperty('refund');
    expect([fakes.products.get(bag.id)?.stock, fakes.products.get(mat.id)?.stock]).toEqual([5, 1]);
    expect(fakes.events.map((event) => [event.contract, event.data])).toEqual([
      [OrderCancelled, { orderId: order.id, groupId, reason: 'buyer_request' }],
    ]);
  });

  it('cancels a paid order with its refund: stock back, OrderCancelled and OrderRefunded with the total and method', async () => {
    const { deps, fakes, order } = setUp('paid');

    const cancelled = await cancelOrder(deps, callers.facilitator as Caller, order.id, withRefund);

    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'buyer_request', by: 'facilitator', cancelledAt: at },
      refund: { method: 'qris', reference: 'QR-BACK-1', refundedAt: at, restocked: true },
    });
    expect([fakes.products.get(bag.id)?.stock, fakes.products.get(mat.id)?.stock]).toEqual([5, 1]);
    expect(fakes.events.map((event) => [event.contract, event.data, event.occurredAt])).toEqual([
      [OrderCancelled, { orderId: order.id, groupId, reason: 'buyer_request' }, at],
      [OrderRefunded, { orderId: order.id, groupId, totalIdr: 120_000, method: 'qris' }, at],
    ]);
  });

  it('refuses to cancel a paid order without its refund, and a placed one with a refund (422 naming the field)', async () => {
    const paid = setUp('paid');
    const placed = setUp('placed');

    const withoutRefund = cancelOrder(paid.deps, callers.facilitator as Caller, paid.order.id, reason).catch((error: unknown) => error);
    const needlessRefund = cancelOrder(placed.deps, callers.buyer as Caller, placed.order.id, withRefund).catch((error: unknown) => error);

    for (const [refusal, path] of [
      [await withoutRefund, 'Required to cancel a paid order'],
      [await needlessRefund, 'Only for a paid order'],
    ] as const) {
      expect(refusal).toBeInstanceOf(BusinessRuleError);
      expect((refusal as BusinessRuleError).errors).toEqual([{ path: 'body.refund', message: path }]);
    }
    expect(paid.fakes.orders.get(paid.order.id)).toEqual(paid.order);
    expect(placed.fakes.orders.get(placed.order.id)).toEqual(placed.order);
    expect([...paid.fakes.events, ...placed.fakes.events]).toEqual([]);
  });

  it('does not cancel without a refund an order that was paid between the read and the write', async () => {
    // Prepare: the store still answers the order as placed, but a payment has been stored meanwhile
    const { deps, fakes, order } = setUp('placed');
    fakes.orders.set(order.id, { ...order, status: 'paid' });
    const stale: OrderStore = { ...fakes.store, get: async () => order };

    // Act
    const refusal = cancelOrder({ ...deps, orders: stale }, callers.facilitator as Caller, order.id, reason);

    // Assert
    await expect(refusal).rejects.toThrow(new ConflictError('The order became paid meanwhile; read it again and decide anew'));
    expect(fakes.orders.get(order.id)?.status).toBe('paid');
    expect(fakes.events).toEqual([]);
  });

  it('records a buyer’s cancellation as the buyer’s', async () => {
    const { deps, order } = setUp('placed');

    const cancelled = await cancelOrder(deps, callers.buyer as Caller, order.id, reason);

    expect(cancelled.cancellation?.by).toBe('buyer');
  });

  it('gives a facilitator who bought from their own group the facilitator’s allowance', async () => {
    const { deps, order } = setUp('paid');
    const both: Caller = { sub: 'buyer-1', roles: ['buyer', 'facilitator'], groupId };

    const cancelled = await cancelOrder(deps, both, order.id, withRefund);

    expect(cancelled.cancellation?.by).toBe('facilitator');
  });

  it('names the current status and when the step was possible in the 409', async () => {
    const { deps, order } = setUp('paid');

    const refusal = cancelOrder(deps, callers.buyer as Caller, order.id, reason);

    await expect(refusal).rejects.toThrow(
      new ConflictError('The order is paid. The order can be cancelled by the buyer only while it is placed'),
    );
  });

  it('answers 404 for an unknown order', async () => {
    const { deps } = setUp('placed');

    await expect(recordPayment(deps, callers.facilitator as Caller, newId('ord'), payment)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses with a 409 naming the new status when another request moved the order on between the read and the write', async () => {
    // Prepare: the store still answers the order as placed, but a cancellation has been stored meanwhile
    const { deps, fakes, order } = setUp('placed');
    fakes.orders.set(order.id, { ...order, status: 'cancelled' });
    const stale: OrderStore = { ...fakes.store, get: async () => order };

    // Act
    const refusal = recordPayment({ ...deps, orders: stale }, callers.facilitator as Caller, order.id, payment).catch(
      (error: unknown) => error,
    );

    // Assert
    const error = await refusal;
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as DomainError).message).toMatch(/^The order is cancelled\./);
    expect(fakes.events).toEqual([]);
  });
});

describe('the lifecycle bodies', () => {
  it('accept the contract’s methods and couriers, trimmed, and refuse others, blanks, overlong text and unknown fields', () => {
    const valid = [
      z.safeParse(RecordPaymentSchema, { method: 'qris', reference: 'QR-1' }),
      z.safeParse(RecordShipmentSchema, { courier: 'anteraja', trackingNumber: 'AA1' }),
      z.safeParse(CancelOrderSchema, { reason: 'out_of_stock' }),
      z.safeParse(CancelOrderSchema, { reason: 'other', refund: { method: 'bank_transfer', reference: 'BCA-BACK' } }),
    ];
    const invalid = [
      z.safeParse(RecordPaymentSchema, { method: 'midtrans', reference: 'x' }),
      z.safeParse(RecordPaymentSchema, { method: 'cash', reference: '   ' }),
      z.safeParse(RecordPaymentSchema, { method: 'cash' }),
      z.safeParse(RecordShipmentSchema, { courier: 'dhl', trackingNumber: 'x' }),
      z.safeParse(RecordShipmentSchema, { courier: 'jne', trackingNumber: 'x'.repeat(101) }),
      z.safeParse(CancelOrderSchema, { reason: 'other', note: 'x'.repeat(201) }),
      z.safeParse(CancelOrderSchema, { reason: 'other', by: 'admin' }),
      z.safeParse(CancelOrderSchema, { reason: 'other', refund: { method: 'midtrans', reference: 'x' } }),
      z.safeParse(CancelOrderSchema, { reason: 'other', refund: { method: 'cash' } }),
      z.safeParse(CancelOrderSchema, { reason: 'other', refund: { method: 'cash', reference: 'x', restock: true } }),
    ];

    expect(valid.map((result) => result.success)).toEqual([true, true, true, true]);
    expect(invalid.map((result) => result.success)).toEqual(invalid.map(() => false));
  });
});
