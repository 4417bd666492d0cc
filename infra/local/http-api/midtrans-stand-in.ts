import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseJsonBody, validate } from '#shared/kernel/http/parse-request';
import { problemFor } from '#shared/kernel/http/problem';
import { securityHeaders } from '#shared/kernel/http/security-headers';
import * as z from '#shared/kernel/validation';
import { readBody, sendJson } from '#infra/local/net';
import { sendProblem } from './problem-response.ts';

/** Where the stand-in answers; the local runtime points MIDTRANS_API_URL here unless told otherwise. */
export const midtransStandInPath = '/_local/midtrans';

/** POST /_local/midtrans/transactions: what Midtrans holds for an order from now on (CONTRACT §3 Orders). */
export const StandInTransactionSchema = z.object({
  order_id: z.string().check(z.minLength(1)),
  transaction_status: z.string().check(z.minLength(1)),
  gross_amount: z.string().check(z.minLength(1)),
  fraud_status: z.optional(z.string().check(z.minLength(1))),
});

/** Midtrans' status_code for a transaction's status: 201 while pending, 202 once it failed, 200 otherwise. */
function statusCodeOf(transactionStatus: string): string {
  if (transactionStatus === 'pending') return '201';
  if (['deny', 'cancel', 'expire', 'failure'].includes(transactionStatus)) return '202';
  return '200';
}

/** A malformed escape names no order anyone set: Midtrans' "doesn't exist" rather than a failure of the stand-in. */
function decodedOrderId(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const statusPath = new RegExp(`^${midtransStandInPath}/v2/([^/]+)/status$`);

export interface MidtransStandIn {
  /** whether the request was the stand-in's (answered), or not (left to the caller) */
  handle(request: IncomingMessage, response: ServerResponse, requestId: string): Promise<boolean>;
}

/**
 * Midtrans' Get Status API, locally: the transactions tests set, in memory for this runtime's life, answered in
 * Midtrans' shapes (a transaction, or HTTP 200 with status_code "404"), and only to Basic auth with the server key.
 */
export function createMidtransStandIn({ serverKey }: { serverKey: string }): MidtransStandIn {
  const transactions = new Map<string, Record<string, string>>();
  const expectedAuthorization = Buffer.from(`Basic ${Buffer.from(`${serverKey}:`).toString('base64')}`);
  const authorized = (header: string | undefined) => {
    const given = Buffer.from(header ?? '');
    return given.length === expectedAuthorization.length && timingSafeEqual(given, expectedAuthorization);
  };

  return {
    async handle(request, response, requestId) {
      const method = request.method ?? 'GET';
      const path = (request.url ?? '/').split('?')[0] as string;
      if (method === 'POST' && path === `${midtransStandInPath}/transactions`) {
        try {
          const raw = (await readBody(request, 64 * 1024)).toString('utf8');
          const input = validate(StandInTransactionSchema, parseJsonBody(raw, request.headers['content-type']), 'body');
          const transaction = {
            status_code: statusCodeOf(input.transaction_status),
            status_message: 'Success, transaction is found',
            transaction_id: randomUUID(),
            order_id: input.order_id,
            gross_amount: input.gross_amount,
            currency: 'IDR',
            payment_type: 'bank_transfer',
            transaction_time: new Date().toISOString().replace('T', ' ').slice(0, 19),
            transaction_status: input.transaction_status,
            ...(input.fraud_status ? { fraud_status: input.fraud_status } : {}),
          };
          transactions.set(input.order_id, transaction);
          sendJson(response, 201, transaction, securityHeaders);
        } catch (error) {
          sendProblem(response, problemFor(error), requestId);
        }
        return true;
      }
      const asked = method === 'GET' ? statusPath.exec(path) : null;
      if (!asked) return false;
      if (!authorized(request.headers.authorization)) {
        sendJson(
          response,
          401,
          { status_code: '401', status_message: 'Transaction cannot be authorized with the current client/server key.', id: randomUUID() },
          securityHeaders,
        );
        return true;
      }
      const transaction = transactions.get(decodedOrderId(asked[1] as string));
      sendJson(response, 200, transaction ?? { status_code: '404', status_message: "Transaction doesn't exist." }, securityHeaders);
      return true;
    },
  };
}
