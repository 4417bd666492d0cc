import { describe, expect, it } from 'vitest';
import { creditFor } from '#shared/earnings/earnings';
import { balanceIdr, maxSubtotalIdr, reversalOf, splitSubtotal, sumIdr } from '#shared/earnings/money';
import { reversalFor } from '#shared/earnings/reversals';
import { newId } from '#shared/kernel/ids';

describe('splitSubtotal', () => {
  it('splits exactly when the share is whole rupiah', () => {
    // Act
    const splits = [splitSubtotal(100_000, 80), splitSubtotal(85_000, 80), splitSubtotal(12_345, 80)];

    // Assert
    expect(splits).toEqual([
      { participantIdr: 80_000, groupIdr: 20_000 },
      { participantIdr: 68_000, groupIdr: 17_000 },
      { participantIdr: 9_876, groupIdr: 2_469 },
    ]);
  });

  it("rounds the participant's share half up, and below .5 down", () => {
    // Act
    const half = splitSubtotal(5, 50); // 2.5
    const pointSix = splitSubtotal(12_347, 80); // 9877.6
    const pointFour = splitSubtotal(3, 80); // 2.4
    const justAboveHalf = splitSubtotal(101, 51); // 51.51

    // Assert
    expect(half).toEqual({ participantIdr: 3, groupIdr: 2 });
    expect(pointSix).toEqual({ participantIdr: 9_878, groupIdr: 2_469 });
    expect(pointFour).toEqual({ participantIdr: 2, groupIdr: 1 });
    expect(justAboveHalf).toEqual({ participantIdr: 52, groupIdr: 49 });
  });

  it('gives everything to the group at 0 % and everything to the participant at 100 %', () => {
    expect(splitSubtotal(99_999, 0)).toEqual({ participantIdr: 0, groupIdr: 99_999 });
    expect(splitSubtotal(99_999, 100)).toEqual({ participantIdr: 99_999, groupIdr: 0 });
    expect(splitSubtotal(0, 80)).toEqual({ participantIdr: 0, groupIdr: 0 });
  });

  it('always adds up to the subtotal in whole rupiah, and matches round-half-up of the exact share', () => {
    // Prepare: every percent, small subtotals densely and large ones (up to the largest order line) sparsely
    const subtotals = [
      ...Array.from({ length: 1_000 }, (_, i) => i),
      ...Array.from({ length: 500 }, (_, i) => 1 + i * 200_000_003),
      100 * 1_000_000_000,
      maxSubtotalIdr,
    ];

    for (let percent = 0; percent <= 100; percent += 1) {
      for (const subtotal of subtotals) {
        // Act
        const { participantIdr, groupIdr } = splitSubtotal(subtotal, percent);

        // Assert: BigInt is the exact reference; a remainder of 50 or more of 100 rounds up
        const scaled = BigInt(subtotal) * BigInt(percent);
        const exact = scaled / 100n + (scaled % 100n >= 50n ? 1n : 0n);
        if (participantIdr + groupIdr !== subtotal || BigInt(participantIdr) !== exact || !Number.isInteger(groupIdr) || groupIdr < 0) {
          expect.fail(`split of ${subtotal} at ${percent} %: ${participantIdr} + ${groupIdr}, expected participant ${exact}`);
        }
      }
    }
  });

  it('refuses decimals, negatives, unsafe integers and percents outside 0–100', () => {
    expect(() => splitSubtotal(10.5, 80)).toThrow(RangeError);
    expect(() => splitSubtotal(-1, 80)).toThrow(RangeError);
    expect(() => splitSubtotal(maxSubtotalIdr + 1, 80)).toThrow(RangeError);
    expect(() => splitSubtotal(Number.NaN, 80)).toThrow(RangeError);
    expect(() => splitSubtotal(1_000, 80.5)).toThrow(RangeError);
    expect(() => splitSubtotal(1_000, 101)).toThrow(RangeError);
    expect(() => splitSubtotal(1_000, -1)).toThrow(RangeError);
  });
});

describe('sumIdr', () => {
  it('adds whole rupiah and refuses a decimal or a sum beyond exact integers', () => {
    expect(sumIdr([])).toBe(0);
    expect(sumIdr([68_000, 9_878, 1])).toBe(77_879);
    expect(() => sumIdr([1, 0.5])).toThrow(RangeError);
    expect(() => sumIdr([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('reversalOf', () => {
  it('takes back exactly the credit, negated, and refuses anything but whole rupiah', () => {
    // Act
    const reversals = [reversalOf(136_000), reversalOf(2), reversalOf(0)];

    // Assert
    expect(reversals).toEqual([-136_000, -2, 0]);
    expect(Object.is(reversalOf(0), 0)).toBe(true);
    expect(() => reversalOf(0.5)).toThrow(RangeError);
    expect(() => reversalOf(-1)).toThrow(RangeError);
    expect(() => reversalOf(Number.NaN)).toThrow(RangeError);
  });
});

describe('a reversal of a credit', () => {
  it('has one line per credited item of exactly its amount, negated, and sums per participant to what was credited', () => {
    // Prepare: subtotals whose 80 % rounds (12,347 → 9,877.6 → 9,878; 3 → 2.4 → 2)
    const [siti, wira] = [newId('prt'), newId('prt')];
    const order = {
      id: newId('ord'),
      groupId: newId('grp'),
      status: 'delivered',
      items: [
        { productId: newId('prd'), participantId: siti, subtotalIdr: 170_000 },
        { productId: newId('prd'), participantId: wira, subtotalIdr: 12_347 },
        { productId: newId('prd'), participantId: siti, subtotalIdr: 3 },
      ],
    };
    const credit = creditFor(order, 80, '2026-12-01T00:00:00.000Z');

    // Act
    const reversal = reversalFor({ orderId: order.id, groupId: order.groupId, shares: credit.shares }, '2026-12-09T00:00:00.000Z');

    // Assert
    expect(reversal.lines.map((line) => line.amountIdr)).toEqual(credit.lines.map((line) => -line.amountIdr));
    expect(reversal.lines.every((line) => Number.isSafeInteger(line.amountIdr))).toBe(true);
    expect(reversal.changes.map((change) => [change.participantId, change.reversedIdr, change.month])).toEqual([
      [siti, 136_002, '2026-12'],
      [wira, 9_878, '2026-12'],
    ]);
    expect(reversal.events.map((event) => event.data)).toEqual([
      { participantId: siti, orderId: order.id, amountIdr: 136_002 },
      { participantId: wira, orderId: order.id, amountIdr: 9_878 },
    ]);
  });
});

describe('balanceIdr', () => {
  it('is what was earned less what was paid, never below 0', () => {
    expect(balanceIdr(136_002, 100_000)).toBe(36_002);
    expect(balanceIdr(136_002, 136_002)).toBe(0);
    // A refund after a payout: the participant is owed nothing, not a negative amount
    expect(balanceIdr(0, 100_000)).toBe(0);
    expect(() => balanceIdr(1.5, 0)).toThrow(RangeError);
  });
});
