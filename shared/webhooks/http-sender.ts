import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import type { EndpointPolicy } from './url-policy.ts';

export interface OutgoingWebhook {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What one attempt came to: an HTTP answer, or none at all (timeout, refused address, connection error). */
export type SendOutcome = { kind: 'answered'; statusCode: number; retryAfter?: string } | { kind: 'unanswered'; reason: string };

export interface WebhookSender {
  send(webhook: OutgoingWebhook): Promise<SendOutcome>;
}

/** The contract's limit: a 2xx must arrive within 15 s. */
export const deliveryTimeoutMs = 15_000;
/** What is read of a partner's answer before the connection is dropped: its status is all that counts. */
const maxAnswerBytes = 64 * 1024;

/**
 * POSTs with node:http(s) through request-filtering-agent, which checks every address the host resolves to when it
 * connects (after DNS, so a name re-pointed at a private address since registration is still refused). Redirects
 * are never followed: a 3xx is an answer like any other non-2xx.
 */
export function buildHttpSender(policy: EndpointPolicy, timeoutMs = deliveryTimeoutMs): WebhookSender {
  const filter = { allowIPAddressList: [...policy.allowedAddresses], keepAlive: false };
  const agents = { 'http:': new RequestFilteringHttpAgent(filter), 'https:': new RequestFilteringHttpsAgent(filter) };
  return {
    send({ url, headers, body }) {
      const target = new URL(url);
      if (!policy.schemes.includes(target.protocol))
        return Promise.resolve({ kind: 'unanswered', reason: `${target.protocol} is not allowed` });
      const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
      return new Promise((resolve) => {
        let settled = false;
        const settle = (outcome: SendOutcome) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(outcome);
        };
        const outgoing = request(
          target,
          {
            method: 'POST',
            agent: agents[target.protocol as 'http:' | 'https:'],
            headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
          },
          (answer: IncomingMessage) => {
            settle({ kind: 'answered', statusCode: answer.statusCode ?? 0, ...retryAfterOf(answer) });
            drain(answer);
          },
        );
        const timer = setTimeout(() => {
          settle({ kind: 'unanswered', reason: `no answer within ${timeoutMs / 1000} s` });
          outgoing.destroy();
        }, timeoutMs);
        outgoing.on('error', (error) => settle({ kind: 'unanswered', reason: error.message }));
        outgoing.end(body);
      });
    },
  };
}

function retryAfterOf(answer: IncomingMessage): { retryAfter?: string } {
  const value = answer.headers['retry-after'];
  return typeof value === 'string' ? { retryAfter: value } : {};
}

function drain(answer: IncomingMessage): void {
  let read = 0;
  answer.on('data', (chunk: Buffer) => {
    read += chunk.length;
    if (read > maxAnswerBytes) answer.destroy();
  });
  answer.on('error', () => undefined);
}
