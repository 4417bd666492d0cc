import { describe, expect, it } from 'vitest';
import { idempotencyKey } from '#shared/kernel/store/keys';

describe('the idempotency claim key', () => {
  it('keeps apart two (sub, key) pairs that a separator would join into one text', () => {
    const first = idempotencyKey('a#b', 'c');
    const second = idempotencyKey('a', 'b#c');

    expect(first.pk).not.toBe(second.pk);
  });

  it('is the same for the same buyer and key, and holds neither as text', () => {
    const key = idempotencyKey('buyer-1', 'order-2026-12-02');

    expect(idempotencyKey('buyer-1', 'order-2026-12-02')).toEqual(key);
    expect(key.pk).toMatch(/^IDEMPOTENCY#[\w-]{43}$/);
  });
});
