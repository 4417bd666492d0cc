import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putEvent } from '#test/support/api/bus';
import { call, eventually, tokenFor } from '#test/support/api/client';
import { deadLetters } from '#test/support/api/dead-letters';
import { newGroupScenario } from '#test/support/api/scenario';
import { type Answer, type ReceivedDelivery, startReceiver, type WebhookReceiver } from '#test/support/api/webhook-receiver';

let admin: string;
let scenario: Awaited<ReturnType<typeof newGroupScenario>>;
const receivers: WebhookReceiver[] = [];
const webhookIds: string[] = [];

beforeAll(async () => {
  admin = await tokenFor({ sub: `admin-${randomUUID()}`, roles: ['admin'] });
  scenario = await newGroupScenario();
});

afterAll(async () => {
  // Every test's webhooks take every ParticipantRegistered of the run: stop them before the other files finish.
  await Promise.all(webhookIds.map((id) => call('DELETE', `/webhooks/${id}`, { token: admin })));
  await Promise.all(receivers.map((receiver) => receiver.close()));
});

/** A partner: its receiver and its webhook, subscribed to ParticipantRegistered. */
async function partner(answer: (delivery: ReceivedDelivery, earlier: number) => Answer = () => ({ status: 200 })) {
  const receiver = await startReceiver(answer);
  receivers.push(receiver);
  const registered = await call('POST', '/webhooks', {
    token: admin,
    body: { url: receiver.url, eventTypes: ['ParticipantRegistered'], description: 'Bapas reporting system' },
  });
  expect(registered.status).toBe(201);
  webhookIds.push(registered.body.id);
  return { receiver, webhook: registered.body as { id: string; secret: string } };
}

const registerParticipant = async () => (await scenario.registerParticipant()).participant.id as string;

const deliveriesOf = async (webhookId: string) => {
  const page = await call('GET', `/webhooks/${webhookId}/deliveries`, { token: admin });
  expect(page.status).toBe(200);
  return page.body.items as {
    messageId: string;
    status: string;
    attempts: number;
    lastStatusCode: number | null;
    nextAttemptAt: string | null;
  }[];
};

describe('registering a webhook', () => {
  it('answers 201 with a whsec_ secret shown only then, and only admins manage webhooks', async () => {
    // Prepare
    const officer = await tokenFor({ sub: `officer-${randomUUID()}`, roles: ['officer'] });

    // Act
    const { webhook, receiver } = await partner();
    const read = await call('GET', `/webhooks/${webhook.id}`, { token: admin });
    const list = await call('GET', '/webhooks?limit=100', { token: admin });
    const asOfficer = await call('POST', '/webhooks', { token: officer, body: { url: receiver.url, eventTypes: ['OrderPaid'] } });

    // Assert
    expect(webhook).toMatchObject({ url: receiver.url, eventTypes: ['ParticipantRegistered'], status: 'enabled' });
    expect(webhook.id).toMatch(/^whk_/);
    expect(webhook.secret).toMatch(/^whsec_/);
    expect(Buffer.from(webhook.secret.slice('whsec_'.length), 'base64').length).toBeGreaterThanOrEqual(24);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ ...webhook, secret: undefined, description: 'Bapas reporting system', createdAt: expect.any(String) });
    expect(JSON.stringify(read.body)).not.toContain('whsec_');
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(webhook.id);
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
    expect(asOfficer.status).toBe(403);
  });

  it('refuses event types outside the catalog, and unknown fields', async () => {
    const unknownType = await call('POST', '/webhooks', {
      token: admin,
      body: { url: 'http://127.0.0.1:9/x', eventTypes: ['OrderTeleported'] },
    });
    const unknownField = await call('POST', '/webhooks', {
      token: admin,
      body: { url: 'http://127.0.0.1:9/x', eventTypes: ['OrderPaid'], secret: 'mine' },
    });

    expect(unknownType.status).toBe(400);
    expect(unknownType.body.errors[0].path).toBe('body.eventTypes.0');
    expect(unknownField.status).toBe(400);
  });

  it.each([
    ['a link-local (metadata) address', 'http://169.254.169.254/latest/meta-data'],
    ['a private address', 'http://10.0.0.7/hooks'],
    ['a CGNAT address', 'https://100.64.0.1/hooks'],
    ['loopback other than 127.0.0.1', 'http://127.0.0.2/hooks'],
    ['a non-http scheme', 'ftp://partner.example/hooks'],
  ])('refuses %s with a 400 naming the url', async (_what, url) => {
    const refused = await call('POST', '/webhooks', { token: admin, body: { url, eventTypes: ['OrderPaid'] } });

    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body.errors).toEqual([{ path: 'body.url', message: expect.any(String) }]);
  });

  it('deletes a webhook: 204, then 404', async () => {
    const { webhook } = await partner();

    const deleted = await call('DELETE', `/webhooks/${webhook.id}`, { token: admin });
    const read = await call('GET', `/webhooks/${webhook.id}`, { token: admin });
    const again = await call('DELETE', `/webhooks/${webhook.id}`, { token: admin });

    expect(deleted.status).toBe(204);
    expect(read.status).toBe(404);
    expect(again.status).toBe(404);
  });
});

describe('delivering an event', () => {
  it('retries a partner that fails twice, with the same webhook-id, each attempt verifiable with standardwebhooks', async () => {
    // Prepare: a partner answering 500 to the first two attempts of each message
    const { receiver, webhook } = await partner((_delivery, earlier) => ({ status: earlier < 2 ? 500 : 200 }));

    // Act
    const participantId = await registerParticipant();

    // Assert
    const attempts = await eventually(async () => {
      const about = receiver.about(participantId);
      expect(about).toHaveLength(3);
      return about;
    });
    const verifier = new Webhook(webhook.secret);
    const messageId = attempts[0]?.headers['webhook-id'];
    expect(messageId).toMatch(/^evt_/);
    for (const attempt of attempts) {
      expect(attempt.headers['webhook-id']).toBe(messageId);
      expect(attempt.headers['content-type']).toBe('application/json');
      expect(verifier.verify(attempt.body, attempt.headers)).toEqual({
        type: 'ParticipantRegistered',
        timestamp: expect.any(String),
        data: { participantId, groupId: scenario.groupId },
      });
      expect(attempt.body).not.toContain('Siti Aminah');
    }
    const tampered = (attempts[2] as ReceivedDelivery).body.replace(participantId, 'prt_01JAAAAAAAAAAAAAAAAAAAAAAA');
    expect(() => verifier.verify(tampered, (attempts[2] as ReceivedDelivery).headers)).toThrow();
    const log = await eventually(async () => {
      const delivery = (await deliveriesOf(webhook.id)).find((item) => item.messageId === messageId);
      expect(delivery?.status).toBe('succeeded');
      return delivery;
    });
    expect(log).toEqual({
      messageId,
      eventType: 'ParticipantRegistered',
      status: 'succeeded',
      attempts: 3,
      lastStatusCode: 200,
      lastAttemptAt: expect.any(String),
      nextAttemptAt: null,
    });
  });

  it('signs with both secrets for a while after a rotation', async () => {
    // Prepare
    const { receiver, webhook } = await partner();

    // Act
    const rotated = await call('POST', `/webhooks/${webhook.id}/secret-rotation`, { token: admin });
    const participantId = await registerParticipant();

    // Assert
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(webhook.secret);
    const [delivery] = await eventually(async () => {
      const about = receiver.about(participantId);
      expect(about).toHaveLength(1);
      return about;
    });
    const signatures = (delivery as ReceivedDelivery).headers['webhook-signature']?.split(' ') ?? [];
    expect(signatures).toHaveLength(2);
    for (const signature of signatures) expect(signature).toMatch(/^v1,/);
    const { body, headers } = delivery as ReceivedDelivery;
    expect(new Webhook(rotated.body.secret).verify(body, headers)).toMatchObject({ data: { participantId } });
    expect(new Webhook(webhook.secret).verify(body, headers)).toMatchObject({ data: { participantId } });
    expect(() => new Webhook(`whsec_${Buffer.from(randomUUID()).toString('base64')}`).verify(body, headers)).toThrow();
  });

  it('disables an endpoint that answers 410 Gone, and delivers nothing more to it', async () => {
    // Prepare
    const gone = await partner(() => ({ status: 410 }));
    const control = await partner();
    const first = await registerParticipant();
    await eventually(async () => {
      const read = await call('GET', `/webhooks/${gone.webhook.id}`, { token: admin });
      expect(read.body.status).toBe('disabled');
    });

    // Act: another event, which the control partner receives
    const second = await registerParticipant();
    await eventually(async () => expect(control.receiver.about(second)).toHaveLength(1));

    // Assert
    expect(gone.receiver.about(first)).toHaveLength(1);
    expect(gone.receiver.about(second)).toHaveLength(0);
    const log = await deliveriesOf(gone.webhook.id);
    const messageId = gone.receiver.about(first)[0]?.headers['webhook-id'];
    expect(log.find((item) => item.messageId === messageId)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastStatusCode: 410,
      nextAttemptAt: null,
    });
    expect(log.map((item) => item.messageId)).not.toContain(control.receiver.about(second)[0]?.headers['webhook-id']);
  });

  it('delivers again on a manual retry, with the same webhook-id', async () => {
    // Prepare: a delivery that succeeded
    const { receiver, webhook } = await partner();
    const participantId = await registerParticipant();
    const messageId = await eventually(async () => {
      const [delivery] = receiver.about(participantId);
      const logged = (await deliveriesOf(webhook.id)).find((item) => item.messageId === delivery?.headers['webhook-id']);
      expect(logged).toMatchObject({ status: 'succeeded', attempts: 1 });
      return logged?.messageId as string;
    });

    // Act
    const retried = await call('POST', `/webhooks/${webhook.id}/deliveries/${messageId}/retry`, { token: admin });

    // Assert
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ messageId, status: 'pending', attempts: 1 });
    await eventually(async () => expect(receiver.about(participantId)).toHaveLength(2));
    expect(receiver.about(participantId).map((delivery) => delivery.headers['webhook-id'])).toEqual([messageId, messageId]);
    await eventually(async () =>
      expect((await deliveriesOf(webhook.id)).find((item) => item.messageId === messageId)).toMatchObject({
        status: 'succeeded',
        attempts: 2,
        lastStatusCode: 200,
      }),
    );
    const unknown = await call('POST', `/webhooks/${webhook.id}/deliveries/evt_01JAAAAAAAAAAAAAAAAAAAAAAA/retry`, { token: admin });
    expect(unknown.status).toBe(404);
  });

  it('does not let a partner that hangs hold up another', async () => {
    // Prepare
    const hanging = await partner(() => 'hang');
    const prompt = await partner();

    // Act
    const participantId = await registerParticipant();

    // Assert: the prompt partner's delivery succeeded while the hanging partner's first attempt is still open
    await eventually(async () => expect(hanging.receiver.about(participantId)).toHaveLength(1));
    const messageId = hanging.receiver.about(participantId)[0]?.headers['webhook-id'];
    await eventually(async () => {
      const delivered = (await deliveriesOf(prompt.webhook.id)).find((item) => item.messageId === messageId);
      expect(delivered).toMatchObject({ status: 'succeeded', attempts: 1 });
    });
    const stillOpen = (await deliveriesOf(hanging.webhook.id)).find((item) => item.messageId === messageId);
    expect(stillOpen).toMatchObject({ status: 'pending', attempts: 0, lastAttemptAt: null });
    expect(prompt.receiver.about(participantId)).toHaveLength(1);
  });
});

describe('the webhook queues', () => {
  it('move a message that keeps failing to the dead letters after 5 receives (a malformed event)', async () => {
    // Prepare
    const marker = randomUUID();

    // Act: an event of the catalog's type whose detail breaks its contract
    await putEvent({
      source: 'pas-kreatif.participants',
      detailType: 'ParticipantRegistered',
      detail: { data: { participantId: marker } },
    });

    // Assert
    const letter = await eventually(
      async () => {
        const found = (await deadLetters()).find((item) => item.source === 'sqs-queue' && JSON.stringify(item.payload).includes(marker));
        expect(found).toBeDefined();
        return found;
      },
      { timeoutMs: 15_000 },
    );
    expect(letter).toMatchObject({ functionName: 'pas-kreatif-local-fan-out-webhook-event', attempts: 5 });
    expect(JSON.parse((letter?.payload as { body: string }).body)).toMatchObject({
      'detail-type': 'ParticipantRegistered',
      detail: { data: { participantId: marker } },
    });
  });
});
