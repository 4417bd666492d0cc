import { describe, expect, it } from 'vitest';
import { OrderCancelled } from '#events/order-cancelled';
import { CancelOrderSchema } from '#shared/orders/schemas';
import * as z from '#shared/kernel/validation';

const ids = { orderId: 'ord_01JDXKZ8M3Q4R5S6T7V8W9X0YZ', groupId: 'grp_01JDXKZ8M3Q4R5S6T7V8W9X0YZ' };

describe('the cancellation body', () => {
  it('takes a reason code a person may give, with an optional note of up to 200 characters', () => {
    const valid = [
      z.safeParse(CancelOrderSchema, { reason: 'buyer_request' }),
      z.safeParse(CancelOrderSchema, { reason: 'out_of_stock', note: '  Stok rusak terkena hujan  ' }),
      z.safeParse(CancelOrderSchema, { reason: 'other', note: 'x'.repeat(200) }),
    ];
    const invalid = [
      z.safeParse(CancelOrderSchema, { reason: 'Berubah pikiran' }),
      // The system's and the payment provider's codes are theirs alone.
      z.safeParse(CancelOrderSchema, { reason: 'payment_expired' }),
      z.safeParse(CancelOrderSchema, { reason: 'payment_failed' }),
      z.safeParse(CancelOrderSchema, { reason: 'other', note: 'x'.repeat(201) }),
      z.safeParse(CancelOrderSchema, { reason: 'other', note: '   ' }),
      z.safeParse(CancelOrderSchema, { note: 'no code' }),
      z.safeParse(CancelOrderSchema, { reason: 'other', by: 'admin' }),
    ];

    expect(valid.map((result) => result.success)).toEqual([true, true, true]);
    expect(valid[1]?.data).toEqual({ reason: 'out_of_stock', note: 'Stok rusak terkena hujan' });
    expect(invalid.map((result) => result.success)).toEqual(invalid.map(() => false));
  });
});

describe('OrderCancelled', () => {
  it('carries one of the five reason codes, never free text or a note', () => {
    const codes = ['buyer_request', 'out_of_stock', 'payment_expired', 'payment_failed', 'other'];

    const accepted = codes.map((reason) => z.safeParse(OrderCancelled.data, { ...ids, reason }).success);
    const freeText = z.safeParse(OrderCancelled.data, { ...ids, reason: 'payment expire' });
    const withNote = z.safeParse(OrderCancelled.data, { ...ids, reason: 'other', note: 'Pindah alamat' });

    expect(accepted).toEqual(codes.map(() => true));
    expect([freeText.success, withNote.success]).toEqual([false, false]);
  });
});
