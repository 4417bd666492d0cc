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

/** What the local Midtrans stand-in's Get Status API reports for an order from now on (CONTRACT §3 Orders). */
export interface StandInTransaction {
  order_id: string;
  transaction_status: string;
  gross_amount: string;
  fraud_status?: string;
}

export async function setMidtransTransaction(transaction: StandInTransaction) {
  const response = await call('POST', '/_local/midtrans/transactions', { body: transaction });
  if (response.status !== 201) throw new Error(`the Midtrans stand-in answered ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as StandInTransaction & { transaction_id: string; status_code: string };
}

/** The stand-in's Get Status API, asked as the notification handler asks it. */
export const midtransStatus = (orderId: string, key = midtransServerKey) =>
  call('GET', `/_local/midtrans/v2/${encodeURIComponent(orderId)}/status`, {
    headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`, accept: 'application/json' },
  });
