import { describe, expect, it } from 'vitest';
import { eventCatalog } from '#events/catalog';
import { call } from '#test/support/api/client';

describe('GET /asyncapi.json (CONTRACT §3 System)', () => {
  it('is public and answers the AsyncAPI 3.0 document of the webhooks, a message for every event', async () => {
    const response = await call('GET', '/asyncapi.json');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body.asyncapi).toBe('3.0.0');
    expect(Object.keys(response.body.channels.webhook.messages)).toEqual(eventCatalog.map((contract) => contract.detailType));
    expect(response.body.components.messages.OrderPlaced.headers).toEqual({ $ref: '#/components/schemas/WebhookHeaders' });
  });

  it('is itself a route of /openapi.json', async () => {
    const response = await call('GET', '/openapi.json');

    expect(response.body.paths['/asyncapi.json'].get.security).toEqual([]);
  });
});
