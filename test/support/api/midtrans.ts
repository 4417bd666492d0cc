import { createHash, randomUUID } from 'node:crypto';
import { call } from './client.ts';

/** The key the local runtime is started with (CONTRACT §5). */
export const midtransServerKey = process.env.MIDTRANS_SERVER_KEY ?? 'local-server-key';

/** A notification as Midtrans posts it: many fields, the signature over the exact strings. */
export function midtransNotification(
  orderId: string,
  grossAmount: string,
  overrides: Record<string, string> = {},
  key = midtransServerKey,
) {
  const body: Record<string, unknown> = {
    transaction_time: '2026-11-28 12:36:47',
    transaction_status: 'settlement',
    transaction_id: randomUUID(),
    status_message: 'midtrans payment notification',
    status_code: '200',
    payment_type: 'bank_transfer',
    order_id: orderId,
    merchant_id: 'G141532850',
    gross_amount: grossAmount,
    fraud_status: 'accept',
    currency: 'IDR',
    va_numbers: [{ va_number: '41532850123', bank: 'bca' }],
    ...overrides,
  };
  body.signature_key ??= createHash('sha512').update(`${body.order_id}${body.status_code}${body.gross_amount}${key}`).digest('hex');
  return body;
}

export const notifyMidtrans = (body: unknown) => call('POST', '/payments/midtrans/notifications', { body });
