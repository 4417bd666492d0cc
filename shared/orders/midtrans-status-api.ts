import { deadlineSignal } from '#shared/kernel/deadline';
import { DependencyUnavailableError } from '#shared/kernel/errors';
import * as z from '#shared/kernel/validation';
import type { PaymentStatus, PaymentStatusLookup, ServerKeySource } from './midtrans.ts';

/**
 * Midtrans answers a status in a few hundred milliseconds; past this it is in trouble, and Midtrans retries a
 * notification answered 503, so waiting longer only spends the function's own time.
 */
const defaultTimeoutMs = 3000;

/** The fields a decision needs; Midtrans sends many more and adds new ones, so the rest pass. */
const StatusAnswerSchema = z.looseObject({
  status_code: z.string(),
  transaction_status: z.optional(z.string()),
  order_id: z.optional(z.string()),
  gross_amount: z.optional(z.string()),
  fraud_status: z.optional(z.string()),
  transaction_id: z.optional(z.string()),
});

/** "Transaction doesn't exist." Midtrans sends it in the body (status_code "404"), with HTTP 200 or 404. */
const unknownTransaction = '404';

export interface MidtransStatusApiOptions {
  /** MIDTRANS_API_URL: https://api.sandbox.midtrans.com, https://api.midtrans.com, or the local stand-in */
  apiUrl: string;
  serverKey: ServerKeySource;
  timeoutMs?: number;
}

/**
 * Midtrans' Get Status API (`GET /v2/{order_id}/status`, Basic auth with the server key as user and no password).
 * Anything but a readable answer about a transaction, or Midtrans' own "doesn't exist", is Midtrans unavailable:
 * deciding nothing and asking Midtrans to retry the notification is always safe, deciding on a guess is not.
 */
export function buildMidtransStatusApi({ apiUrl, serverKey, timeoutMs = defaultTimeoutMs }: MidtransStatusApiOptions): PaymentStatusLookup {
  const base = apiUrl.replace(/\/+$/, '');
  return {
    async statusOf(orderId) {
      const authorization = `Basic ${Buffer.from(`${await serverKey.serverKey()}:`).toString('base64')}`;
      const deadline = deadlineSignal();
      const timeout = AbortSignal.timeout(timeoutMs);
      const { status, text } = await fetch(`${base}/v2/${encodeURIComponent(orderId)}/status`, {
        headers: { authorization, accept: 'application/json' },
        signal: deadline ? AbortSignal.any([timeout, deadline]) : timeout,
      })
        .then(async (response) => ({ status: response.status, text: await response.text() }))
        .catch((cause: unknown) => {
          throw new DependencyUnavailableError('unavailable', { cause });
        });
      return statusFrom(status, text);
    },
  };
}

function statusFrom(httpStatus: number, text: string): PaymentStatus {
  const unavailable = (why: string) =>
    new DependencyUnavailableError('unavailable', { cause: new Error(`Midtrans Get Status answered ${httpStatus}: ${why}`) });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw unavailable('not JSON');
  }
  const parsed = z.safeParse(StatusAnswerSchema, json);
  if (!parsed.success) throw unavailable('not a status answer');
  const answer = parsed.data;
  if ((httpStatus === 200 || httpStatus === 404) && answer.status_code === unknownTransaction) return { kind: 'unknown' };
  if (httpStatus !== 200) throw unavailable(`status_code ${answer.status_code}`);
  const { transaction_status, order_id, gross_amount } = answer;
  // Midtrans answers a transaction with 200 (settled, captured), 201 (pending) or 202 (denied, cancelled, expired).
  if (!/^20[012]$/.test(answer.status_code) || !transaction_status || !order_id || !gross_amount)
    throw unavailable(`status_code ${answer.status_code} without a transaction`);
  return {
    kind: 'transaction',
    orderId: order_id,
    transactionStatus: transaction_status,
    grossAmount: gross_amount,
    ...(answer.fraud_status ? { fraudStatus: answer.fraud_status } : {}),
    ...(answer.transaction_id ? { transactionId: answer.transaction_id } : {}),
  };
}
