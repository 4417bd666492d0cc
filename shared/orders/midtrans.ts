import { createHash, timingSafeEqual } from 'node:crypto';
import { OrderId } from '#events/ids';
import type { Clock } from '#shared/kernel/clock';
import { BusinessRuleError, ConflictError, ForbiddenError, NotFoundError } from '#shared/kernel/errors';
import * as z from '#shared/kernel/validation';
import { cancellationTransition, paymentTransition } from './lifecycle.ts';
import type { OrderStore } from './ports.ts';
import type { MidtransAnswer, MidtransNotification, Order } from './schemas.ts';

/** Where the Midtrans server key comes from: SSM deployed, the environment locally, a constant in unit tests. */
export interface ServerKeySource {
  serverKey(): Promise<string>;
}

/** Findings someone must act on by hand (a refund, a wrong amount) are logged as errors, so they alarm. */
export interface AlertLog {
  error(message: string, details: Record<string, unknown>): void;
  info(message: string, details: Record<string, unknown>): void;
}

export interface MidtransDeps {
  orders: OrderStore;
  clock: Clock;
  serverKey: ServerKeySource;
  log: AlertLog;
}

type Signed = Pick<MidtransNotification, 'order_id' | 'status_code' | 'gross_amount'>;

/** Midtrans' signature: hex SHA-512 of order_id + status_code + gross_amount + server key, the body's exact strings. */
export function midtransSignature({ order_id, status_code, gross_amount }: Signed, serverKey: string): string {
  return createHash('sha512').update(`${order_id}${status_code}${gross_amount}${serverKey}`, 'utf8').digest('hex');
}

/** Compared in constant time, so the answer's timing tells nothing about how much of a forged signature was right. */
export function hasValidSignature(notification: Signed & { signature_key?: string | undefined }, serverKey: string): boolean {
  if (notification.signature_key === undefined) return false;
  const given = Buffer.from(notification.signature_key, 'utf8');
  const expected = Buffer.from(midtransSignature(notification, serverKey), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const amountPattern = /^(\d{1,20})(?:\.(\d{1,10}))?$/;

/** `"150000.00"` is 150000 rupiah: the whole part must equal the total and any fraction be zeros. Parsed as text, never as a float. */
export function amountMatches(grossAmount: string, totalIdr: number): boolean {
  const match = amountPattern.exec(grossAmount);
  if (!match) return false;
  const [, whole = '', fraction = ''] = match;
  return /^0*$/.test(fraction) && BigInt(whole) === BigInt(totalIdr);
}

export type NotificationMeaning = 'paid' | 'cancelled' | 'none';

/** What a notification says about the money; a challenged capture, pending, refunds and the rest change nothing here. */
export function meaningOf({ transaction_status, fraud_status }: Pick<MidtransNotification, 'transaction_status' | 'fraud_status'>) {
  switch (transaction_status) {
    case 'settlement':
      return 'paid';
    case 'capture':
      return fraud_status === 'accept' ? 'paid' : 'none';
    case 'expire':
    case 'cancel':
    case 'deny':
      return 'cancelled';
    default:
      return 'none';
  }
}

const answer = (result: MidtransAnswer['result']): MidtransAnswer => ({ status: 'ok', result });

/**
 * A Midtrans notification. Nothing is read before the signature holds. Repeats change nothing: an order already
 * where the notification would take it (or past it) is answered 200 as it is.
 */
export async function handleMidtransNotification(deps: MidtransDeps, notification: MidtransNotification): Promise<MidtransAnswer> {
  if (!hasValidSignature(notification, await deps.serverKey.serverKey()))
    throw new ForbiddenError('The notification is not signed with this merchant’s server key');
  const orderId = z.safeParse(OrderId, notification.order_id);
  const order = orderId.success ? await deps.orders.get(orderId.data) : undefined;
  if (!order) throw new NotFoundError('Order');
  const details = { orderId: order.id, transactionStatus: notification.transaction_status, transactionId: notification.transaction_id };
  if (!amountMatches(notification.gross_amount, order.totalIdr)) {
    deps.log.error('Midtrans notification amount differs from the order total', {
      ...details,
      grossAmount: notification.gross_amount,
      totalIdr: order.totalIdr,
    });
    throw new BusinessRuleError(`gross_amount ${notification.gross_amount} is not the order's total of ${order.totalIdr} rupiah`);
  }
  const meaning = meaningOf(notification);
  if (meaning === 'none') {
    deps.log.info('Midtrans notification changes nothing', details);
    return answer('unchanged');
  }
  return settle(deps, order, notification, meaning, details);
}

async function settle(
  deps: MidtransDeps,
  order: Order,
  notification: MidtransNotification,
  meaning: 'paid' | 'cancelled',
  details: Record<string, unknown>,
): Promise<MidtransAnswer> {
  const at = deps.clock.now().toISOString();
  if (order.status === 'placed') {
    const transition =
      meaning === 'paid'
        ? paymentTransition(order, { method: 'midtrans', reference: notification.transaction_id ?? notification.order_id, paidAt: at }, [
            'placed',
          ])
        : cancellationTransition(order, { reason: 'payment_failed', by: 'payment-provider', cancelledAt: at }, ['placed']);
    const result = await deps.orders.transition(transition);
    if (result.outcome === 'done') return answer(meaning);
    // A facilitator (or a concurrent notification) moved the order on meanwhile: judge it as it is now.
    const now = await deps.orders.get(order.id);
    if (!now) throw new NotFoundError('Order');
    return settle(deps, now, notification, meaning, details);
  }
  if (meaning === 'paid') {
    if (order.status !== 'cancelled') return answer('unchanged');
    deps.log.error('Midtrans reports a payment for a cancelled order: refund it by hand', details);
    throw new ConflictError('The order is cancelled; this payment must be refunded by hand');
  }
  if (order.status !== 'cancelled') {
    // Goods may be on their way: a paid order is never cancelled by a notification. If the payment Midtrans now
    // reports void is the very one recorded, someone must look at it; another attempt expiring is harmless.
    const recorded = order.payment?.method === 'midtrans' && order.payment.reference === notification.transaction_id;
    if (recorded)
      deps.log.error(`Midtrans reports the recorded payment of a ${order.status} order as ${notification.transaction_status}`, details);
    else deps.log.info('Midtrans cancellation for an order paid otherwise changes nothing', details);
  }
  return answer('unchanged');
}
