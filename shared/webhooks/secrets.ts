import { randomBytes } from 'node:crypto';

/** Standard Webhooks secrets are base64 of 24–64 random bytes behind `whsec_`; 32 bytes is HMAC-SHA256's block of strength. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
