/** How long a placed order waits for its payment (CONTRACT §3 Orders) unless ORDER_PAYMENT_WINDOW_SECONDS says otherwise. */
export const defaultPaymentWindowSeconds = 24 * 60 * 60;

/** The window ORDER_PAYMENT_WINDOW_SECONDS sets, read at cold start: a typo fails there, not as orders that never expire. */
export function paymentWindowSeconds(raw: string | undefined): number {
  if (raw === undefined || raw === '') return defaultPaymentWindowSeconds;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1)
    throw new Error(`ORDER_PAYMENT_WINDOW_SECONDS must be a whole number of seconds ≥ 1, not "${raw}"`);
  return seconds;
}

export const payByOf = (createdAt: Date, windowSeconds: number): string =>
  new Date(createdAt.getTime() + windowSeconds * 1000).toISOString();
