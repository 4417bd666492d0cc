/**
 * Rupiah arithmetic for earnings: integers only, never a float in between, so the participant's and
 * the group's shares always add up to the subtotal to the rupiah.
 *
 * Rounding rule: the participant's share is subtotal × percent / 100 rounded half up (to the
 * participant's favour at exactly .5); the group gets the rest. Computed as
 * floor((subtotal × percent + 50) / 100) with an exact integer division, so it is right for every
 * input the bound below admits.
 */

/**
 * The largest subtotal whose product with 100 (plus the 50 of the rounding) is still an exact
 * integer in a double: about 9 × 10^13 rupiah. An order line is at most 100 × 1,000,000,000 =
 * 10^11 rupiah, nearly a thousand times below it.
 */
export const maxSubtotalIdr = Math.floor((Number.MAX_SAFE_INTEGER - 50) / 100);

export interface Split {
  participantIdr: number;
  groupIdr: number;
}

function requireWholeRupiah(name: string, value: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} must be a whole number from 0 to ${max}, got ${value}`);
  }
}

/** Splits an item's subtotal between its participant (percent, rounded half up) and the group (the rest). */
export function splitSubtotal(subtotalIdr: number, participantSharePercent: number): Split {
  requireWholeRupiah('subtotalIdr', subtotalIdr, maxSubtotalIdr);
  requireWholeRupiah('participantSharePercent', participantSharePercent, 100);
  const scaled = subtotalIdr * participantSharePercent + 50;
  // An exact division: scaled − its remainder is a multiple of 100, so no rounding happens here.
  const participantIdr = (scaled - (scaled % 100)) / 100;
  return { participantIdr, groupIdr: subtotalIdr - participantIdr };
}

/** A sum of rupiah amounts that refuses to lose precision instead of silently rounding. */
export function sumIdr(amounts: readonly number[]): number {
  let total = 0;
  for (const amount of amounts) {
    if (!Number.isSafeInteger(amount)) throw new RangeError(`Not a whole rupiah amount: ${amount}`);
    total += amount;
    if (!Number.isSafeInteger(total)) throw new RangeError('A rupiah sum exceeded the exact integer range');
  }
  return total;
}

/** A reversal takes back exactly what was credited, to the rupiah: the credit's amount, negated. */
export function reversalOf(creditedIdr: number): number {
  requireWholeRupiah('creditedIdr', creditedIdr, Number.MAX_SAFE_INTEGER);
  return creditedIdr === 0 ? 0 : -creditedIdr;
}

/**
 * What can still be paid out: earned (credited − reversed) less what was paid, and never below 0. It is below 0
 * only when a refund came after a payout; the participant is then owed nothing until new credits cover it.
 */
export function balanceIdr(totalIdr: number, paidOutIdr: number): number {
  return Math.max(0, sumIdr([totalIdr, -paidOutIdr]));
}
