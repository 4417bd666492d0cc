import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret } from '#shared/webhooks/secrets';
import { signatureHeaders } from '#shared/webhooks/signing';

const body = JSON.stringify({ type: 'OrderPaid', timestamp: '2026-11-28T05:36:47.000Z', data: { orderId: 'ord_1' } });

describe('Standard Webhooks signing', () => {
  it('makes whsec_ secrets of 32 random bytes', () => {
    const [one, two] = [newWebhookSecret(), newWebhookSecret()];

    expect(one).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(one.slice(6), 'base64')).toHaveLength(32);
    expect(one).not.toBe(two);
  });

  it('signs so that the standardwebhooks library verifies, and a tampered body fails', () => {
    // Prepare
    const secret = newWebhookSecret();

    // Act
    const headers = signatureHeaders({ messageId: 'evt_01JAAAAAAAAAAAAAAAAAAAAAAA', at: new Date(), body, secrets: [secret] });

    // Assert
    expect(headers['webhook-id']).toBe('evt_01JAAAAAAAAAAAAAAAAAAAAAAA');
    expect(headers['webhook-timestamp']).toMatch(/^\d+$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body.replace('ord_1', 'ord_2'), headers)).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });

  it('gives one space-separated signature per secret, each verifiable alone', () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()];

    const headers = signatureHeaders({ messageId: 'evt_01JAAAAAAAAAAAAAAAAAAAAAAA', at: new Date(), body, secrets: [current, previous] });

    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toBeDefined();
    expect(new Webhook(previous).verify(body, headers)).toBeDefined();
  });
});
