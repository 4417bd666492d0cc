import { describe, expect, it } from 'vitest';
import { EarningsReversed } from '#events/earnings-reversed';
import { OrderRefunded } from '#events/order-refunded';
import { PayoutRecorded } from '#events/payout-recorded';
import { ReturnRequested } from '#events/return-requested';
import { RecordPayoutHeadersSchema, RecordPayoutSchema, StatementQuerySchema } from '#shared/earnings/schemas';
import { newId } from '#shared/kernel/ids';
import * as z from '#shared/kernel/validation';

const accepts = (schema: z.ZodMiniType, value: unknown) => z.safeParse(schema, value).success;

describe('RecordPayoutSchema', () => {
  const valid = { amountIdr: 50_000, method: 'e_wallet', reference: '  DANA 0812  ', paidOn: '2026-12-03' };

  it('accepts a whole positive amount, a method, a reference (trimmed) and a date', () => {
    expect(z.parse(RecordPayoutSchema, valid)).toEqual({ ...valid, reference: 'DANA 0812' });
  });

  it('refuses decimals, zero, negatives, other methods, a blank reference, a non-date, years outside 2000–2999 and unknown fields', () => {
    const invalid = [
      { ...valid, amountIdr: 1.5 },
      { ...valid, amountIdr: 0 },
      { ...valid, amountIdr: -10 },
      { ...valid, amountIdr: '50000' },
      { ...valid, method: 'qris' },
      { ...valid, reference: '   ' },
      { ...valid, reference: 'x'.repeat(101) },
      { ...valid, paidOn: '2026-02-30' },
      { ...valid, paidOn: '1999-12-31' },
      { ...valid, paidOn: '03/12/2026' },
      { ...valid, participantId: newId('prt') },
      { amountIdr: 50_000, method: 'cash', reference: 'A' },
    ];
    expect(invalid.map((body) => accepts(RecordPayoutSchema, body))).toEqual(invalid.map(() => false));
  });

  it('requires an Idempotency-Key of 1 to 255 characters', () => {
    expect(accepts(RecordPayoutHeadersSchema, { 'idempotency-key': 'k' })).toBe(true);
    expect(
      [{}, { 'idempotency-key': '' }, { 'idempotency-key': 'k'.repeat(256) }].map((h) => accepts(RecordPayoutHeadersSchema, h)),
    ).toEqual([false, false, false]);
  });
});

describe('StatementQuerySchema', () => {
  it('takes dates of the years 2000–2999 and json or csv, and refuses anything else', () => {
    expect(z.parse(StatementQuerySchema, { from: '2000-01-01', to: '2999-12-31', format: 'csv' })).toEqual({
      from: '2000-01-01',
      to: '2999-12-31',
      format: 'csv',
    });
    expect(z.parse(StatementQuerySchema, {})).toEqual({});
    const invalid = [{ from: '1999-12-31' }, { to: '3000-01-01' }, { from: '2026-13-01' }, { format: 'xlsx' }];
    expect(invalid.map((query) => accepts(StatementQuerySchema, query))).toEqual([false, false, false, false]);
  });
});

describe('the events of issue 13 carry ids and codes only', () => {
  const orderId = newId('ord');
  const groupId = newId('grp');
  const participantId = newId('prt');

  it('accepts their contract data', () => {
    expect(accepts(ReturnRequested.data, { orderId, groupId, reason: 'not_as_described' })).toBe(true);
    expect(accepts(OrderRefunded.data, { orderId, groupId, totalIdr: 182_350, method: 'qris' })).toBe(true);
    expect(accepts(EarningsReversed.data, { participantId, orderId, amountIdr: 136_002 })).toBe(true);
    expect(accepts(PayoutRecorded.data, { payoutId: newId('pay'), participantId, groupId, amountIdr: 1, method: 'cash' })).toBe(true);
  });

  it('refuses other codes, negative or decimal amounts, wrong ids and any extra field (a note, a reference)', () => {
    const payoutId = newId('pay');
    expect([
      accepts(ReturnRequested.data, { orderId, groupId, reason: 'changed_my_mind' }),
      accepts(ReturnRequested.data, { orderId, groupId, reason: 'damaged', note: 'the handle broke' }),
      accepts(OrderRefunded.data, { orderId, groupId, totalIdr: 0, method: 'cash' }),
      accepts(OrderRefunded.data, { orderId, groupId, totalIdr: 100, method: 'midtrans' }),
      accepts(EarningsReversed.data, { participantId, orderId, amountIdr: -136_002 }),
      accepts(EarningsReversed.data, { participantId, orderId, amountIdr: 0.5 }),
      accepts(PayoutRecorded.data, { payoutId: orderId, participantId, groupId, amountIdr: 1, method: 'cash' }),
      accepts(PayoutRecorded.data, { payoutId, participantId, groupId, amountIdr: 1, method: 'cash', reference: 'TRF-1' }),
    ]).toEqual([false, false, false, false, false, false, false, false]);
  });
});
