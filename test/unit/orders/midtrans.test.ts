import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OrderCancelled } from '#events/order-cancelled';
import { OrderPaid } from '#events/order-paid';
import { ConflictError, DependencyUnavailableError, ForbiddenError, NotFoundError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import {
  type AlertLog,
  amountMatches,
  handleMidtransNotification,
  hasValidSignature,
  meaningOf,
  type MidtransDeps,
  type PaymentStatus,
  type PaymentStatusLookup,
} from '#shared/orders/midtrans';
import type { OrderStore } from '#shared/orders/ports';
import { type MidtransNotification, MidtransNotificationSchema, type Order, type OrderStatus } from '#shared/orders/schemas';
import * as z from '#shared/kernel/validation';
import { fixedClock } from '#test/support/fakes/clock';
import { fakeOrders } from '#test/support/fakes/orders';
import { orderableBag, storedOrder } from '#test/support/fakes/order-fixtures';

const serverKey = 'SB-Mid-server-test';
const at = '2026-11-28T05:36:47.000Z';
const transactionId = 'b0b4a1c2-0000-4000-8000-000000000001';
const groupId = newId('grp');
const bag = orderableBag(groupId, { priceIdr: 75_000, stock: 1 });

/** Midtrans' documented formula, computed here on its own rather than with the code under test. */
const sign = (orderId: string, statusCode: string, grossAmount: string, key = serverKey) =>
  createHash('sha512')
    .update(orderId + statusCode + grossAmount + key)
    .digest('hex');

function notification(orderId: string, overrides: Partial<MidtransNotification> = {}): MidtransNotification {
  const base = {
    order_id: orderId,
    status_code: '200',
    gross_amount: '150000.00',
    transaction_status: 'settlement',
    transaction_id: transactionId,
    payment_type: 'bank_transfer',
    ...overrides,
  };
  return { ...base, signature_key: overrides.signature_key ?? sign(base.order_id, base.status_code, base.gross_amount) };
}

/** Midtrans' Get Status API at the port: what a test says it holds, and which orders were asked about. */
type HeldTransaction = Omit<PaymentStatus & { kind: 'transaction' }, 'kind' | 'orderId'> & { orderId?: string };

function fakeMidtransStatus() {
  const held = new Map<string, HeldTransaction>();
  const asked: string[] = [];
  const lookup: PaymentStatusLookup = {
    async statusOf(orderId) {
      asked.push(orderId);
      const transaction = held.get(orderId);
      return transaction ? { kind: 'transaction', orderId, transactionId, ...transaction } : { kind: 'unknown' };
    },
  };
  return {
    lookup,
    set: (orderId: string, transaction: HeldTransaction) => void held.set(orderId, transaction),
    asked: () => asked,
  };
}

function recordingLog() {
  const lines: { level: 'error' | 'info'; message: string }[] = [];
  const log: AlertLog = {
    error: (message) => void lines.push({ level: 'error', message }),
    info: (message) => void lines.push({ level: 'info', message }),
  };
  return { log, errors: () => lines.filter((line) => line.level === 'error').map((line) => line.message) };
}

function setUp(status: OrderStatus = 'placed', extra: Partial<Order> = {}) {
  const fakes = fakeOrders([bag]);
  const order = storedOrder([[bag, 2]], status, extra);
  fakes.orders.set(order.id, order);
  let reads = 0;
  const counted: OrderStore = { ...fakes.store, get: async (id) => ((reads += 1), fakes.store.get(id)) };
  const { log, errors } = recordingLog();
  const midtrans = fakeMidtransStatus();
  const deps: MidtransDeps = {
    orders: counted,
    clock: fixedClock(at),
    serverKey: { serverKey: async () => serverKey },
    paymentStatus: midtrans.lookup,
    log,
  };
  return { deps, fakes, order, errors, reads: () => reads, midtrans, asked: midtrans.asked };
}

describe('the Midtrans signature', () => {
  const signed = { order_id: 'ord_1', status_code: '200', gross_amount: '150000.00' };

  it('holds for SHA-512 of order_id + status_code + gross_amount + server key in hex', () => {
    expect(hasValidSignature({ ...signed, signature_key: sign('ord_1', '200', '150000.00') }, serverKey)).toBe(true);
  });

  it('fails for another key, another amount, a missing or truncated signature, or upper-case hex', () => {
    const good = sign('ord_1', '200', '150000.00');

    expect(hasValidSignature({ ...signed, signature_key: sign('ord_1', '200', '150000.00', 'other-key') }, serverKey)).toBe(false);
    expect(hasValidSignature({ ...signed, gross_amount: '150000', signature_key: good }, serverKey)).toBe(false);
    expect(hasValidSignature(signed, serverKey)).toBe(false);
    expect(hasValidSignature({ ...signed, signature_key: good.slice(0, -1) }, serverKey)).toBe(false);
    expect(hasValidSignature({ ...signed, signature_key: '' }, serverKey)).toBe(false);
    expect(hasValidSignature({ ...signed, signature_key: good.toUpperCase() }, serverKey)).toBe(false);
  });
});

describe('the gross amount', () => {
  it.each([
    ['150000.00', true],
    ['150000', true],
    ['150000.0', true],
    ['0150000.00', true],
    ['150000.01', false],
    ['150001.00', false],
    ['15000.00', false],
    ['1.5e5', false],
    ['150000.', false],
    ['-150000.00', false],
    [' 150000.00', false],
    ['150,000.00', false],
    ['', false],
  ])('%j against a total of 150000 → %s', (gross, matches) => {
    expect(amountMatches(gross, 150_000)).toBe(matches);
  });

  it('compares beyond float precision', () => {
    expect(amountMatches('9007199254740993.00', 9_007_199_254_740_992)).toBe(false);
  });
});

describe('what a confirmed status means', () => {
  it.each([
    ['settlement', undefined, 'paid'],
    ['capture', 'accept', 'paid'],
    ['capture', 'challenge', 'none'],
    ['capture', undefined, 'none'],
    ['expire', undefined, 'cancelled'],
    ['cancel', undefined, 'cancelled'],
    ['deny', undefined, 'cancelled'],
    ['pending', undefined, 'none'],
    ['refund', undefined, 'none'],
    ['authorize', undefined, 'none'],
  ])('%s (fraud %s) → %s', (status, fraud, meaning) => {
    expect(meaningOf({ transactionStatus: status, ...(fraud ? { fraudStatus: fraud } : {}) })).toBe(meaning);
  });
});

describe('handling a notification', () => {
  it('refuses a bad or missing signature with a 403 before reading anything or asking Midtrans', async () => {
    const { deps, fakes, order, reads, asked } = setUp();
    const forged = notification(order.id, { signature_key: sign(order.id, '200', '150000.00', 'guessed') });
    const { signature_key: _, ...unsigned } = notification(order.id);

    await expect(handleMidtransNotification(deps, forged)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(handleMidtransNotification(deps, unsigned)).rejects.toBeInstanceOf(ForbiddenError);
    expect(reads()).toBe(0);
    expect(asked()).toEqual([]);
    expect(fakes.orders.get(order.id)?.status).toBe('placed');
  });

  it('answers 404 for an unknown order or an order_id that is not ours', async () => {
    const { deps } = setUp();

    await expect(handleMidtransNotification(deps, notification(newId('ord')))).rejects.toBeInstanceOf(NotFoundError);
    await expect(handleMidtransNotification(deps, notification('INV-2026-001'))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('pays on a settlement Midtrans confirms, once, with the confirmed transaction as the reference', async () => {
    const { deps, fakes, order, midtrans, asked } = setUp();
    midtrans.set(order.id, { transactionStatus: 'settlement', grossAmount: '150000.00', transactionId: 'confirmed-transaction' });
    const settled = notification(order.id, { transaction_id: 'claimed-transaction' });

    const first = await handleMidtransNotification(deps, settled);
    const repeat = await handleMidtransNotification(deps, settled);

    expect([first, repeat]).toEqual([
      { status: 'ok', result: 'paid' },
      { status: 'ok', result: 'unchanged' },
    ]);
    expect(asked()).toEqual([order.id, order.id]);
    expect(fakes.orders.get(order.id)).toMatchObject({
      status: 'paid',
      payment: { method: 'midtrans', reference: 'confirmed-transaction', paidAt: at },
    });
    expect(fakes.events.map((event) => [event.contract, event.data])).toEqual([
      [OrderPaid, { orderId: order.id, groupId, totalIdr: 150_000, method: 'midtrans' }],
    ]);
  });

  it('changes nothing for a validly signed settlement that Midtrans reports as pending', async () => {
    const { deps, fakes, order, midtrans } = setUp();
    midtrans.set(order.id, { transactionStatus: 'pending', grossAmount: '150000.00' });

    const answer = await handleMidtransNotification(deps, notification(order.id));

    expect(answer).toEqual({ status: 'ok', result: 'unchanged' });
    expect(fakes.orders.get(order.id)?.status).toBe('placed');
    expect(fakes.events).toEqual([]);
  });

  it('changes nothing for a genuine pending notification edited to settlement', async () => {
    // Prepare: Midtrans signed a pending notification (status_code 201); someone rewrote its unsigned status
    const { deps, fakes, order, midtrans } = setUp();
    midtrans.set(order.id, { transactionStatus: 'pending', grossAmount: '150000.00' });
    const edited = { ...notification(order.id, { transaction_status: 'pending', status_code: '201' }), transaction_status: 'settlement' };

    // Act
    const answer = await handleMidtransNotification(deps, edited);

    // Assert
    expect(answer.result).toBe('unchanged');
    expect(fakes.orders.get(order.id)?.status).toBe('placed');
  });

  it('changes nothing, logged as an error, when Midtrans reports another amount than the order total', async () => {
    const { deps, fakes, order, errors, midtrans } = setUp();
    midtrans.set(order.id, { transactionStatus: 'settlement', grossAmount: '1000.00' });

    const answer = await handleMidtransNotification(deps, notification(order.id));

    expect(answer.result).toBe('unchanged');
    expect(errors()).toEqual(['Midtrans reports another amount than the order total']);
    expect(fakes.orders.get(order.id)?.status).toBe('placed');
    expect(fakes.events).toEqual([]);
  });

  it('changes nothing when Midtrans holds no transaction for the order', async () => {
    const { deps, fakes, order } = setUp();

    const answer = await handleMidtransNotification(deps, notification(order.id));

    expect(answer).toEqual({ status: 'ok', result: 'unchanged' });
    expect(fakes.orders.get(order.id)?.status).toBe('placed');
  });

  it('changes nothing, logged as an error, when Midtrans answers about another order', async () => {
    const { deps, fakes, order, errors, midtrans } = setUp();
    midtrans.set(order.id, { transactionStatus: 'settlement', grossAmount: '150000.00', orderId: newId('ord') });

    const answer = await handleMidtransNotification(deps, notification(order.id));

    expect(answer.result).toBe('unchanged');
    expect(errors()).toEqual(['Midtrans answered the status of another order']);
    expect(fakes.orders.get(order.id)?.status).toBe('placed');
  });

  it('changes nothing when Midtrans cannot be asked: the 503 reaches Midtrans, which retries', async () => {
    const { deps, fakes, order } = setUp();
    const down: PaymentStatusLookup = {
      statusOf: async () => {
        throw new DependencyUnavailableError('unavailable');
      },
    };

    const refusal = handleMidtransNotification({ ...deps, paymentStatus: down }, notification(order.id));

    await expect(refusal).rejects.toBeInstanceOf(DependencyUnavailableError);
    expect(fakes.orders.get(order.id)?.status).toBe('placed');
    expect(fakes.events).toEqual([]);
  });

  it('pays on an accepted capture, but not on a challenged one', async () => {
    const challenged = setUp();
    const accepted = setUp();
    challenged.midtrans.set(challenged.order.id, { transactionStatus: 'capture', fraudStatus: 'challenge', grossAmount: '150000.00' });
    accepted.midtrans.set(accepted.order.id, { transactionStatus: 'capture', fraudStatus: 'accept', grossAmount: '150000.00' });

    await handleMidtransNotification(challenged.deps, notification(challenged.order.id, { transaction_status: 'capture' }));
    await handleMidtransNotification(accepted.deps, notification(accepted.order.id, { transaction_status: 'capture' }));

    expect(challenged.fakes.orders.get(challenged.order.id)?.status).toBe('placed');
    expect(accepted.fakes.orders.get(accepted.order.id)?.status).toBe('paid');
  });

  it('leaves a shipped or delivered order as it is on a late settlement', async () => {
    const { deps, fakes, order, midtrans } = setUp('shipped');
    midtrans.set(order.id, { transactionStatus: 'settlement', grossAmount: '150000.00' });

    const answer = await handleMidtransNotification(deps, notification(order.id));

    expect(answer.result).toBe('unchanged');
    expect(fakes.events).toEqual([]);
  });

  it('cancels on a confirmed expiry as the payment provider, payment_failed, gives the stock back, once', async () => {
    const { deps, fakes, order, midtrans } = setUp();
    midtrans.set(order.id, { transactionStatus: 'expire', grossAmount: '150000.00' });
    const expired = notification(order.id, { transaction_status: 'expire', status_code: '202' });

    const first = await handleMidtransNotification(deps, expired);
    const repeat = await handleMidtransNotification(deps, expired);

    expect([first.result, repeat.result]).toEqual(['cancelled', 'unchanged']);
    expect(fakes.orders.get(order.id)?.cancellation).toEqual({ reason: 'payment_failed', by: 'payment-provider', cancelledAt: at });
    expect(fakes.products.get(bag.id)?.stock).toBe(3);
    expect(fakes.events.map((event) => [event.contract, event.data])).toEqual([
      [OrderCancelled, { orderId: order.id, groupId, reason: 'payment_failed' }],
    ]);
  });

  it('does not cancel on an expiry notification while Midtrans says the transaction settled', async () => {
    const { deps, fakes, order, midtrans } = setUp();
    midtrans.set(order.id, { transactionStatus: 'settlement', grossAmount: '150000.00' });

    const answer = await handleMidtransNotification(deps, notification(order.id, { transaction_status: 'expire', status_code: '202' }));

    expect(answer.result).toBe('paid');
    expect(fakes.orders.get(order.id)?.status).toBe('paid');
  });

  it('answers a payment for a cancelled order with a 409, logged as an error for a refund by hand', async () => {
    const { deps, fakes, order, errors, midtrans } = setUp('cancelled');
    midtrans.set(order.id, { transactionStatus: 'settlement', grossAmount: '150000.00' });

    const refusal = handleMidtransNotification(deps, notification(order.id));

    await expect(refusal).rejects.toBeInstanceOf(ConflictError);
    expect(errors()).toEqual(['Midtrans reports a payment for a cancelled order: refund it by hand']);
    expect(fakes.events).toEqual([]);
  });

  it('never cancels a paid order; it logs an error only when the void payment is the one recorded', async () => {
    const otherwise = setUp('paid', { payment: { method: 'bank_transfer', reference: 'BCA-1', paidAt: at } });
    const recorded = setUp('shipped', { payment: { method: 'midtrans', reference: transactionId, paidAt: at } });
    otherwise.midtrans.set(otherwise.order.id, { transactionStatus: 'expire', grossAmount: '150000.00' });
    recorded.midtrans.set(recorded.order.id, { transactionStatus: 'cancel', grossAmount: '150000.00' });

    const first = await handleMidtransNotification(otherwise.deps, notification(otherwise.order.id, { transaction_status: 'expire' }));
    const second = await handleMidtransNotification(recorded.deps, notification(recorded.order.id, { transaction_status: 'cancel' }));

    expect([first.result, second.result]).toEqual(['unchanged', 'unchanged']);
    expect([otherwise.fakes.events, recorded.fakes.events]).toEqual([[], []]);
    expect(otherwise.errors()).toEqual([]);
    expect(recorded.errors()).toEqual(['Midtrans reports the recorded payment of a shipped order as cancel']);
  });

  it('changes nothing for pending or refund', async () => {
    const { deps, fakes, order, midtrans } = setUp();

    midtrans.set(order.id, { transactionStatus: 'pending', grossAmount: '150000.00' });
    const pending = await handleMidtransNotification(deps, notification(order.id, { transaction_status: 'pending', status_code: '201' }));
    midtrans.set(order.id, { transactionStatus: 'refund', grossAmount: '150000.00' });
    const refund = await handleMidtransNotification(deps, notification(order.id, { transaction_status: 'refund' }));

    expect([pending.result, refund.result]).toEqual(['unchanged', 'unchanged']);
    expect(fakes.orders.get(order.id)?.status).toBe('placed');
  });

  it('judges the order as it is when a facilitator cancelled it between the read and the write', async () => {
    // Prepare: the first read sees the order placed; the store already holds it cancelled
    const { deps, fakes, order, errors, midtrans } = setUp();
    midtrans.set(order.id, { transactionStatus: 'settlement', grossAmount: '150000.00' });
    fakes.orders.set(order.id, { ...order, status: 'cancelled' });
    let first = true;
    const racing: OrderStore = {
      ...fakes.store,
      get: async (id) => (first ? ((first = false), order) : fakes.store.get(id)),
    };

    // Act
    const refusal = handleMidtransNotification({ ...deps, orders: racing }, notification(order.id));

    // Assert
    await expect(refusal).rejects.toBeInstanceOf(ConflictError);
    expect(errors()).toHaveLength(1);
    expect(fakes.events).toEqual([]);
  });
});

describe('the notification body', () => {
  it('allows Midtrans’ other fields, and requires the signed strings', () => {
    const full = { ...notification('ord_x'), currency: 'IDR', merchant_id: 'G1', va_numbers: [{ bank: 'bca', va_number: '1' }] };
    const { gross_amount: _, ...withoutAmount } = notification('ord_x');

    expect(z.safeParse(MidtransNotificationSchema, full).success).toBe(true);
    expect(z.safeParse(MidtransNotificationSchema, withoutAmount).success).toBe(false);
    expect(z.safeParse(MidtransNotificationSchema, { ...full, gross_amount: 150000 }).success).toBe(false);
  });
});
