import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { busStatus } from '#test/support/api/bus';
import { call, eventually } from '#test/support/api/client';
import { newShop } from '#test/support/api/shop';

/** A seller credited 136,000 (80 % of an order of 2 × 85,000), delivered through the API as a buyer's order is. */
async function creditedSeller() {
  const shop = await newShop();
  const order = await shop.placeOrder(2);
  const steps = [
    ['payment', { method: 'cash', reference: 'KW-001' }],
    ['shipment', { courier: 'jne', trackingNumber: 'JNE123' }],
    ['delivery', undefined],
  ] as const;
  for (const [step, body] of steps)
    expect((await call('POST', `/orders/${order.id}/${step}`, { token: shop.facilitator, body })).status).toBe(200);
  const earningsPath = `/participants/${shop.participant.id}/earnings`;
  await eventually(async () => expect((await call('GET', earningsPath, { token: shop.facilitator })).body.totalIdr).toBe(136_000));
  return { ...shop, orderId: order.id, earningsPath };
}

describe('payouts and statements through the local API', () => {
  it('pays a seller up to the balance, once per key, and lists, states and logs it all', async () => {
    // Prepare
    const { participant, participantToken, facilitator, admin, officer, orderId, earningsPath } = await creditedSeller();
    const payoutsPath = `/participants/${participant.id}/payouts`;
    const today = new Date().toISOString().slice(0, 10);
    const pay = (key: string, body: Record<string, unknown>, token = facilitator) =>
      call('POST', payoutsPath, { token, headers: { 'idempotency-key': key }, body });
    const firstKey = randomUUID();
    const first = { amountIdr: 100_000, method: 'bank_transfer', reference: 'TRF-0001', paidOn: today };

    // Act
    const tooMuch = await pay(randomUUID(), { ...first, amountIdr: 136_001 });
    const paid = await pay(firstKey, first);
    const replayed = await pay(firstKey, first);
    const reused = await pay(firstKey, { ...first, amountIdr: 1 });
    const second = await pay(randomUUID(), { amountIdr: 30_000, method: 'cash', reference: 'Kwitansi 7', paidOn: today }, admin);
    const byOfficer = await pay(randomUUID(), { ...first, amountIdr: 1 }, officer);
    const noKey = await call('POST', payoutsPath, { token: facilitator, body: first });
    const list = await call('GET', payoutsPath, { token: participantToken });
    const earnings = await call('GET', earningsPath, { token: participantToken });
    const statement = await call('GET', `/participants/${participant.id}/statement`, { token: facilitator });
    const csv = await call('GET', `/participants/${participant.id}/statement?format=csv`, { token: officer });
    const badYear = await call('GET', `/participants/${participant.id}/statement?from=1999-12-01`, { token: facilitator });
    const exported = await call('GET', `/participants/${participant.id}/export`, { token: participantToken });

    // Assert
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.headers.get('content-type')).toBe('application/problem+json');
    expect(paid.status).toBe(201);
    expect(paid.body).toEqual({
      id: expect.stringMatching(/^pay_[0-9A-HJKMNP-TV-Z]{26}$/),
      participantId: participant.id,
      groupId: participant.groupId,
      ...first,
      recordedBy: expect.stringMatching(/^facilitator-/),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });
    expect([replayed.status, replayed.body]).toEqual([201, paid.body]);
    expect(reused.status).toBe(422);
    expect(second.status).toBe(201);
    expect([byOfficer.status, noKey.status]).toEqual([403, 400]);
    expect(list.body).toEqual({ items: [second.body, paid.body], nextCursor: null });
    expect(earnings.body).toMatchObject({
      totalIdr: 136_000,
      creditedIdr: 136_000,
      reversedIdr: 0,
      paidOutIdr: 130_000,
      balanceIdr: 6_000,
    });
    const month = today.slice(0, 7);
    expect(statement.body).toEqual({
      participantId: participant.id,
      from: `${month}-01`,
      to: expect.stringMatching(new RegExp(`^${month}-(28|29|30|31)$`)),
      openingBalanceIdr: 0,
      lines: [
        { date: today, kind: 'credit', orderId, amountIdr: 136_000 },
        { date: today, kind: 'payout', payoutId: paid.body.id, amountIdr: -100_000 },
        { date: today, kind: 'payout', payoutId: second.body.id, amountIdr: -30_000 },
      ],
      closingBalanceIdr: 6_000,
    });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe(
      'date,kind,orderId,payoutId,amountIdr\r\n' +
        `${today},credit,${orderId},,136000\r\n` +
        `${today},payout,,${paid.body.id},-100000\r\n` +
        `${today},payout,,${second.body.id},-30000\r\n`,
    );
    expect(badYear.status).toBe(400);
    const recorded = await eventually(async () => {
      const events = (await busStatus()).recent.filter(
        (event) => event.detailType === 'PayoutRecorded' && event.detail.data?.participantId === participant.id,
      );
      expect(events).toHaveLength(2);
      return events.map((event) => event.detail.data);
    });
    expect(recorded).toEqual(
      expect.arrayContaining([
        {
          payoutId: paid.body.id,
          participantId: participant.id,
          groupId: participant.groupId,
          amountIdr: 100_000,
          method: 'bank_transfer',
        },
        { payoutId: second.body.id, participantId: participant.id, groupId: participant.groupId, amountIdr: 30_000, method: 'cash' },
      ]),
    );
    // The money handed over is the participant's data too (CONTRACT §3 Privacy: everything held about them).
    expect(exported.status).toBe(200);
    expect(exported.body.payouts).toEqual(expect.arrayContaining([paid.body, second.body]));
    expect(exported.body.payouts).toHaveLength(2);
    const log = await call('GET', `/participants/${participant.id}/access-log?limit=100`, { token: participantToken });
    const actions = (log.body.items as { action: string; actorRoles: string[] }[]).map(
      (record) => `${record.action} ${record.actorRoles.join(' ')}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'payouts.read participant',
        'earnings.read participant',
        'statement.read facilitator',
        'statement.read officer',
      ]),
    );
  });

  it('shows payouts and statements to the participant, the group’s facilitators, officers and admins; 404 to anyone else', async () => {
    // Prepare
    const shop = await newShop();
    const other = await newShop();
    const paths = [`/participants/${shop.participant.id}/payouts`, `/participants/${shop.participant.id}/statement`];

    // Act
    const allowed = await Promise.all(
      paths.flatMap((path) =>
        [shop.participantToken, shop.facilitator, shop.officer, shop.admin].map((token) => call('GET', path, { token })),
      ),
    );
    const refused = await Promise.all(
      paths.flatMap((path) => [other.facilitator, other.participantToken, other.buyer.token].map((token) => call('GET', path, { token }))),
    );
    const payToStranger = await call('POST', paths[0] as string, {
      token: other.facilitator,
      headers: { 'idempotency-key': randomUUID() },
      body: { amountIdr: 1, method: 'cash', reference: 'X', paidOn: '2026-01-01' },
    });

    // Assert
    expect(allowed.map((response) => response.status)).toEqual(Array.from({ length: 8 }, () => 200));
    expect(allowed[0]?.body).toEqual({ items: [], nextCursor: null });
    expect(refused.map((response) => response.status)).toEqual(Array.from({ length: 6 }, () => 404));
    expect(payToStranger.status).toBe(404);
  });
});
