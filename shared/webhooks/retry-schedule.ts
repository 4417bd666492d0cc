/**
 * The contract's schedule: the wait before each attempt after the first (immediately, 5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h, 14 h, 20 h, 24 h), so ten attempts in all, about 81 hours, then the delivery is failed.
 */
export const retryWaitsSeconds = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 14 * 3600, 20 * 3600, 24 * 3600] as const;
export const maxAutomaticAttempts = retryWaitsSeconds.length + 1;

/** A partner's Retry-After can lengthen a wait, up to the schedule's longest. */
const longestWaitSeconds = 24 * 3600;

export interface RetryOptions {
  /** WEBHOOK_RETRY_SCALE: multiplies every wait, Retry-After's included */
  scale: number;
  /** the Retry-After of a 429 or 5xx answer, in seconds */
  retryAfterSeconds?: number;
}

/**
 * The wait in milliseconds after the given attempt (1-based) failed, or undefined when no automatic attempt follows.
 * A manual retry is counted like any attempt: after the tenth, a failed one ends as failed again.
 */
export function waitAfterFailedAttempt(attempt: number, { scale, retryAfterSeconds }: RetryOptions): number | undefined {
  const scheduled = retryWaitsSeconds[attempt - 1];
  if (scheduled === undefined) return undefined;
  const asked = Math.min(retryAfterSeconds ?? 0, longestWaitSeconds);
  return Math.max(scheduled, asked) * 1000 * scale;
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
export function parseRetryAfter(header: string | undefined, now: Date): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  // IMF-fixdate, the one form a sender must use: Date.parse alone would take "-5" for a year.
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/** A Retry-After counts only where HTTP gives it that meaning for a retry: 429 and 5xx (503 above all). */
export const honoursRetryAfter = (statusCode: number) => statusCode === 429 || statusCode >= 500;

export function parseRetryScale(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale < 0) throw new Error(`WEBHOOK_RETRY_SCALE must be a number ≥ 0, not "${raw}"`);
  return scale;
}
