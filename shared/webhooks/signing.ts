import { createHmac, randomBytes } from 'node:crypto';

/** Standard Webhooks secrets are base64 of 24–64 random bytes behind `whsec_`; 32 bytes is HMAC-SHA256's block of strength. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export interface SignedRequest {
  /** the event's evt_ id, the same on every attempt */
  messageId: string;
  /** the attempt's time: a receiver refuses timestamps far from its clock, so each retry is signed afresh */
  at: Date;
  body: string;
  /** the current secret first; during a rotation's overlap the previous one too */
  secrets: readonly string[];
}

/**
 * Standard Webhooks 1.0 headers, one `v1,` signature per secret, space-separated: base64 HMAC-SHA256, keyed by the
 * secret's bytes, of `{id}.{timestamp}.{body}`. node:crypto's, not the standardwebhooks package's (whose pure-JS
 * SHA-256 and base64 added ~12 KB to every webhook bundle); its own verify checks these in the unit tests.
 */
export function signatureHeaders({ messageId, at, body, secrets }: SignedRequest): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const sign = (secret: string) =>
    `v1,${createHmac('sha256', Buffer.from(secret.replace(/^whsec_/, ''), 'base64'))
      .update(`${messageId}.${timestamp}.${body}`)
      .digest('base64')}`;
  return { 'webhook-id': messageId, 'webhook-timestamp': timestamp, 'webhook-signature': secrets.map(sign).join(' ') };
}
