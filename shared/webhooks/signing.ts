import { Webhook } from 'standardwebhooks';

export interface SignedRequest {
  /** the event's evt_ id, the same on every attempt */
  messageId: string;
  /** the attempt's time: a receiver refuses timestamps far from its clock, so each retry is signed afresh */
  at: Date;
  body: string;
  /** the current secret first; during a rotation's overlap the previous one too */
  secrets: readonly string[];
}

/** Standard Webhooks 1.0 headers, one `v1,` signature per secret, space-separated. */
export function signatureHeaders({ messageId, at, body, secrets }: SignedRequest): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(' '),
  };
}
