import { describe, expect, it } from 'vitest';
import { buildHttpSender } from '#shared/webhooks/http-sender';
import { endpointPolicyFor } from '#shared/webhooks/url-policy';
import { startReceiver } from '#test/support/api/webhook-receiver';

const webhook = (url: string) => ({ url, headers: { 'webhook-id': 'evt_01JAAAAAAAAAAAAAAAAAAAAAAA' }, body: '{"type":"OrderPaid"}' });

describe('the webhook HTTP sender', () => {
  it('posts JSON and reports the answer, with Retry-After', async () => {
    // Prepare
    const receiver = await startReceiver(() => ({ status: 503, headers: { 'retry-after': '120' } }));

    // Act
    const outcome = await buildHttpSender(endpointPolicyFor('local')).send(webhook(receiver.url));
    await receiver.close();

    // Assert
    expect(outcome).toEqual({ kind: 'answered', statusCode: 503, retryAfter: '120' });
    expect(receiver.received[0]?.headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': 'evt_01JAAAAAAAAAAAAAAAAAAAAAAA',
    });
    expect(receiver.received[0]?.body).toBe('{"type":"OrderPaid"}');
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    const receiver = await startReceiver(() => ({ status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data' } }));

    const outcome = await buildHttpSender(endpointPolicyFor('local')).send(webhook(receiver.url));
    await receiver.close();

    expect(outcome).toEqual({ kind: 'answered', statusCode: 302 });
    expect(receiver.received).toHaveLength(1);
  });

  it('refuses a private address when connecting, as deployed, without sending anything', async () => {
    // Prepare: the deployed address rules, with plain http allowed only because the test's receiver speaks nothing else
    const receiver = await startReceiver(() => ({ status: 200 }));
    const deployedButHttp = { ...endpointPolicyFor('prod'), schemes: ['http:'] };

    // Act
    const byAddress = await buildHttpSender(deployedButHttp).send(webhook(receiver.url));
    const byName = await buildHttpSender(deployedButHttp).send(webhook(receiver.url.replace('127.0.0.1', 'localhost')));
    const byScheme = await buildHttpSender(endpointPolicyFor('prod')).send(webhook(receiver.url));
    await receiver.close();

    // Assert
    expect(byAddress).toMatchObject({ kind: 'unanswered', reason: expect.stringMatching(/not allowed/) });
    expect(byName).toMatchObject({ kind: 'unanswered', reason: expect.stringMatching(/not allowed/) });
    expect(byScheme).toEqual({ kind: 'unanswered', reason: 'http: is not allowed' });
    expect(receiver.received).toHaveLength(0);
  });

  it('gives up on a partner that does not answer within the limit', async () => {
    const receiver = await startReceiver(() => 'hang');

    const outcome = await buildHttpSender(endpointPolicyFor('local'), 200).send(webhook(receiver.url));
    await receiver.close();

    expect(outcome).toEqual({ kind: 'unanswered', reason: 'no answer within 0.2 s' });
  });
});
