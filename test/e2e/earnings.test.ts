import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EventSource } from '#events/event-contract';
import { newId } from '#shared/kernel/ids';
import { type BusEvent, busStatus, putEvent, settled } from '#test/support/api/bus';
import { call, eventually, tokenFor } from '#test/support/api/client';
import { deadLetters } from '#test/support/api/dead-letters';
import { newGroupScenario } from '#test/support/api/scenario';
import { newProduct, shipping } from '#test/support/api/shop';

/** A group with two eligible sellers and a listed product maker, as a buyer would find them. */
async function shop() {
  const scenario = await newGroupScenario({ sessionsRequired: 1 });
  const [siti, wira] = [await scenario.eligibleParticipant(), await scenario.eligibleParticipant()];
  const listed = async (sellerToken: string, priceIdr: number) => (await newProduct(sellerToken, { priceIdr })).id;
  return { ...scenario, siti, wira, listed };
}

/** An OrderDelivered published by hand, as a stray or early event would arrive. */
function orderDelivered(orderId: string, groupId: string) {
  const detail = { metadata: { eventId: newId('evt'), occurredAt: new Date().toISOString(), version: 1 }, data: { orderId, groupId } };
  return {
    eventId: detail.metadata.eventId,
    publish: () => putEvent({ source: EventSource.orders, detailType: 'OrderDelivered', detail }),
  };
}

describe('earnings', () => {
  it('credits each item once when OrderDelivered arrives twice, and announces EarningsCredited once per participant', async () => {
    // Prepare: one order of two sellers' products
    const { groupId, siti, wira, listed, facilitator } = await shop();
    const bag = await listed(siti.participantToken, 85_000);
    const pin = await listed(siti.participantToken, 1);
    const mat = await listed(wira.participantToken, 12_347);
    const buyer = await tokenFor({ sub: `buyer-${randomUUID()}`, roles: ['buyer'] });
    const placed = await call('POST', '/orders', {
      token: buyer,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        items: [
          { productId: bag, quantity: 2 },
          { productId: mat, quantity: 1 },
          { productId: pin, quantity: 3 },
        ],
        shipping,
      },
    });
    expect(placed.status).toBe(201);
    const orderId: string = placed.body.id;
    // An early event, before the order is delivered, is refused without harm
    const early = orderDelivered(orderId, groupId);
    await early.publish();
    await settled(early.eventId, 1);
    expect((await call('GET', `/participants/${siti.participant.id}/earnings`, { token: siti.participantToken })).body.entries).toEqual([]);
    const steps = [
      ['payment', { method: 'cash', reference: 'KW-001' }],
      ['shipment', { courier: 'jne', trackingNumber: 'JNE123' }],
      ['delivery', undefined],
    ] as const;
    for (const [step, body] of steps) {
      expect((await call('POST', `/orders/${orderId}/${step}`, { token: facilitator, body })).status).toBe(200);
    }
    // The lifecycle's own OrderDelivered, as the relay published it
    const delivered = await eventually(async () => {
      const found = (await busStatus()).recent.find(
        (event) => event.detailType === 'OrderDelivered' && event.detail.data?.orderId === orderId,
      );
      expect(found).toBeDefined();
      return found as BusEvent;
    });
    const eventId = delivered.detail.metadata?.eventId as string;
    await settled(eventId, 1);

    // Act: the bus delivers the same event again, as EventBridge may
    await putEvent(delivered);
    await settled(eventId, 2);

    // Assert: 80 % of each subtotal, rounded half up, once
    const sitiEarnings = await call('GET', `/participants/${siti.participant.id}/earnings`, { token: siti.participantToken });
    const wiraEarnings = await call('GET', `/participants/${wira.participant.id}/earnings`, { token: facilitator });
    expect(sitiEarnings.status).toBe(200);
    const figures = (totalIdr: number) => ({ totalIdr, creditedIdr: totalIdr, reversedIdr: 0, paidOutIdr: 0, balanceIdr: totalIdr });
    expect(sitiEarnings.body).toEqual({
      participantId: siti.participant.id,
      ...figures(136_000 + 2),
      entries: expect.arrayContaining([
        { kind: 'credit', orderId, productId: bag, amountIdr: 136_000, creditedAt: expect.any(String) },
        { kind: 'credit', orderId, productId: pin, amountIdr: 2, creditedAt: expect.any(String) },
      ]),
    });
    expect(sitiEarnings.body.entries).toHaveLength(2);
    expect(wiraEarnings.body).toEqual({
      participantId: wira.participant.id,
      ...figures(9_878),
      entries: [{ kind: 'credit', orderId, productId: mat, amountIdr: 9_878, creditedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) }],
    });
    const credited = await eventually(async () => {
      const events = (await busStatus()).recent.filter(
        (event) => event.detailType === 'EarningsCredited' && event.detail.data?.orderId === orderId,
      );
      expect(events).toHaveLength(2);
      return events.map((event) => event.detail.data);
    });
    expect(credited).toEqual(
      expect.arrayContaining([
        { participantId: siti.participant.id, orderId, amountIdr: 136_002 },
        { participantId: wira.participant.id, orderId, amountIdr: 9_878 },
      ]),
    );
    expect(JSON.stringify(await deadLetters())).not.toContain(orderId);
  });

  it('shows earnings to the participant, the group’s facilitators, officers and admins; 404 to anyone else', async () => {
    // Prepare
    const { siti, wira, facilitator, officer, admin } = await shop();
    const elsewhere = await newGroupScenario();
    const buyer = await tokenFor({ sub: `buyer-${randomUUID()}`, roles: ['buyer'] });
    const path = `/participants/${siti.participant.id}/earnings`;

    // Act
    const allowed = await Promise.all([siti.participantToken, facilitator, officer, admin].map((token) => call('GET', path, { token })));
    const refused = await Promise.all([elsewhere.facilitator, buyer, wira.participantToken].map((token) => call('GET', path, { token })));
    const unknown = await call('GET', `/participants/${newId('prt')}/earnings`, { token: admin });
    const malformed = await call('GET', '/participants/not-an-id/earnings', { token: admin });
    const anonymous = await call('GET', path);

    // Assert
    expect(allowed.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    expect(allowed[0]?.body).toEqual({
      participantId: siti.participant.id,
      totalIdr: 0,
      creditedIdr: 0,
      reversedIdr: 0,
      paidOutIdr: 0,
      balanceIdr: 0,
      entries: [],
    });
    expect(refused.map((response) => response.status)).toEqual([404, 404, 404]);
    expect(refused[0]?.headers.get('content-type')).toBe('application/problem+json');
    expect([unknown.status, malformed.status, anonymous.status]).toEqual([404, 404, 401]);
  });
});
