import { describe, expect, it } from 'vitest';
import { EarningsCredited } from '#events/earnings-credited';
import type { Caller } from '#shared/kernel/auth/caller';
import type { Clock } from '#shared/kernel/clock';
import { creditEarnings, getParticipantEarnings } from '#shared/earnings/earnings';
import type { DeliveredOrder } from '#shared/earnings/ports';
import { NotFoundError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import { fakeEarnings } from '#test/support/fakes/earnings';
import { fakeAccessLog } from '#test/support/fakes/access-log';
import { fixedClock } from '#test/support/fakes/clock';

const groupId = newId('grp');
const siti = newId('prt');
const wira = newId('prt');
const creditedAt = '2026-11-28T05:36:47.000Z';

function deliveredOrder(overrides: Partial<DeliveredOrder> = {}): DeliveredOrder {
  return {
    id: newId('ord'),
    groupId,
    status: 'delivered',
    items: [
      { productId: newId('prd'), participantId: siti, subtotalIdr: 170_000 },
      { productId: newId('prd'), participantId: wira, subtotalIdr: 12_347 },
      { productId: newId('prd'), participantId: siti, subtotalIdr: 3 },
    ],
    ...overrides,
  };
}

function setUp(orders: DeliveredOrder[], sharePercent = 80, clock: Clock = fixedClock(creditedAt)) {
  const fakes = fakeEarnings({ orders, groups: { [groupId]: sharePercent }, participants: { [siti]: groupId, [wira]: groupId } });
  const { accessLog, records: accessRecords } = fakeAccessLog();
  return { fakes, accessRecords, deps: { ledger: fakes.ledger, sources: fakes.sources, accessLog, clock } };
}

describe('creditEarnings', () => {
  it("credits each item's share to its participant, sums it per participant and announces one event each", async () => {
    // Prepare
    const order = deliveredOrder();
    const { deps, fakes } = setUp([order]);
    const [bag, mat, pin] = order.items.map((item) => item.productId);

    // Act
    const outcome = await creditEarnings(deps, { orderId: order.id, groupId });

    // Assert
    expect(outcome).toBe('credited');
    const credit = fakes.credits.get(order.id);
    const line = { kind: 'credit', date: '2026-11-28', at: creditedAt, orderId: order.id };
    expect(credit?.lines).toEqual([
      { ...line, productId: bag, participantId: siti, amountIdr: 136_000 },
      { ...line, productId: mat, participantId: wira, amountIdr: 9_878 },
      { ...line, productId: pin, participantId: siti, amountIdr: 2 },
    ]);
    expect(credit?.changes).toEqual([
      { participantId: siti, month: '2026-11', creditedIdr: 136_002, reversedIdr: 0, paidOutIdr: 0 },
      { participantId: wira, month: '2026-11', creditedIdr: 9_878, reversedIdr: 0, paidOutIdr: 0 },
    ]);
    expect(credit?.groupIdr).toBe(34_000 + 2_469 + 1);
    expect(credit?.events).toEqual([
      { contract: EarningsCredited, data: { participantId: siti, orderId: order.id, amountIdr: 136_002 }, occurredAt: creditedAt },
      { contract: EarningsCredited, data: { participantId: wira, orderId: order.id, amountIdr: 9_878 }, occurredAt: creditedAt },
    ]);
  });

  it("uses the group's own share, 0 % included", async () => {
    // Prepare
    const order = deliveredOrder();
    const { deps, fakes } = setUp([order], 0);

    // Act
    await creditEarnings(deps, { orderId: order.id, groupId });

    // Assert
    expect(fakes.credits.get(order.id)?.lines.map((line) => line.amountIdr)).toEqual([0, 0, 0]);
    expect(fakes.credits.get(order.id)?.groupIdr).toBe(170_000 + 12_347 + 3);
  });

  it('credits an order that was delivered and has moved on (a return asked for, refused, or refunded)', async () => {
    // Prepare
    const orders = (['return_requested', 'return_refused', 'refunded'] as const).map((status) => deliveredOrder({ status }));
    const { deps, fakes } = setUp(orders);

    // Act
    const outcomes = await Promise.all(orders.map((order) => creditEarnings(deps, { orderId: order.id, groupId })));

    // Assert
    expect(outcomes).toEqual(['credited', 'credited', 'credited']);
    expect(fakes.balances.get(siti)?.creditedIdr).toBe(3 * 136_002);
  });

  it('credits an order once: a repeated event is "already credited" and changes nothing', async () => {
    // Prepare
    const order = deliveredOrder();
    const { deps, fakes } = setUp([order]);
    await creditEarnings(deps, { orderId: order.id, groupId });
    const first = fakes.credits.get(order.id);

    // Act
    const again = await creditEarnings({ ...deps, clock: fixedClock('2026-11-29T00:00:00.000Z') }, { orderId: order.id, groupId });

    // Assert
    expect(again).toBe('already-credited');
    expect(fakes.credits.get(order.id)).toBe(first);
  });

  it('refuses an unknown order, an order of another group and an order not delivered, crediting nothing', async () => {
    // Prepare
    const shipped = deliveredOrder({ status: 'shipped' });
    // Cancelled before delivery: never earned anything
    const delivered = deliveredOrder();
    const { deps, fakes } = setUp([shipped, delivered]);

    // Act
    const outcomes = await Promise.all([
      creditEarnings(deps, { orderId: newId('ord'), groupId }),
      creditEarnings(deps, { orderId: delivered.id, groupId: newId('grp') }),
      creditEarnings(deps, { orderId: shipped.id, groupId }),
    ]);

    // Assert
    expect(outcomes).toEqual(['order-missing', 'group-mismatch', 'not-delivered']);
    expect(fakes.credits.size).toBe(0);
  });

  it('fails (to be retried, then dead-lettered) when the order’s group does not exist', async () => {
    // Prepare
    const order = deliveredOrder({ groupId: newId('grp') });
    const { deps, fakes } = setUp([order]);

    // Act
    const crediting = creditEarnings(deps, { orderId: order.id, groupId: order.groupId });

    // Assert
    await expect(crediting).rejects.toThrow(/does not exist/);
    expect(fakes.credits.size).toBe(0);
  });
});

describe('getParticipantEarnings', () => {
  const participant: Caller = { sub: 'siti', roles: ['participant'], participantId: siti };
  const facilitator: Caller = { sub: 'fac', roles: ['facilitator'], groupId };

  it('shows the entries newest first with their sums: credited, reversed, paid out, total and balance', async () => {
    // Prepare
    const older = deliveredOrder();
    const newer = deliveredOrder();
    const { deps } = setUp([older, newer]);
    const at = (iso: string) => ({ ...deps, clock: fixedClock(iso) });
    await creditEarnings(at('2026-11-28T05:00:00.000Z'), { orderId: older.id, groupId });
    await creditEarnings(at('2026-11-29T05:00:00.000Z'), { orderId: newer.id, groupId });

    // Act
    const earnings = await getParticipantEarnings(at(creditedAt), participant, siti);

    // Assert
    expect(earnings.participantId).toBe(siti);
    expect(earnings).toMatchObject({
      totalIdr: 2 * 136_002,
      creditedIdr: 2 * 136_002,
      reversedIdr: 0,
      paidOutIdr: 0,
      balanceIdr: 2 * 136_002,
    });
    expect(earnings.entries.map((entry) => [entry.orderId, entry.amountIdr, entry.creditedAt])).toEqual([
      [newer.id, expect.any(Number), '2026-11-29T05:00:00.000Z'],
      [newer.id, expect.any(Number), '2026-11-29T05:00:00.000Z'],
      [older.id, expect.any(Number), '2026-11-28T05:00:00.000Z'],
      [older.id, expect.any(Number), '2026-11-28T05:00:00.000Z'],
    ]);
    expect(Object.keys(earnings.entries[0] ?? {}).sort()).toEqual(['amountIdr', 'creditedAt', 'kind', 'orderId', 'productId']);
  });

  it('answers a participant with nothing credited yet with a zero total', async () => {
    // Prepare
    const { deps } = setUp([]);

    // Act
    const earnings = await getParticipantEarnings(deps, facilitator, wira);

    // Assert
    expect(earnings).toEqual({
      participantId: wira,
      totalIdr: 0,
      creditedIdr: 0,
      reversedIdr: 0,
      paidOutIdr: 0,
      balanceIdr: 0,
      entries: [],
    });
  });

  it('shows them to the participant, the group’s facilitators, officers and admins, and 404 to anyone else', async () => {
    // Prepare
    const { deps, accessRecords } = setUp([]);
    const allowed: Caller[] = [participant, facilitator, { sub: 'officer', roles: ['officer'] }, { sub: 'admin', roles: ['admin'] }];
    const refused: Caller[] = [
      { sub: 'wira', roles: ['participant'], participantId: wira },
      { sub: 'other-fac', roles: ['facilitator'], groupId: newId('grp') },
      { sub: 'buyer', roles: ['buyer'] },
    ];

    // Act
    const seen = await Promise.all(allowed.map((caller) => getParticipantEarnings(deps, caller, siti)));
    const hidden = await Promise.allSettled([
      ...refused.map((caller) => getParticipantEarnings(deps, caller, siti)),
      getParticipantEarnings(deps, { sub: 'admin', roles: ['admin'] }, newId('prt')),
    ]);

    // Assert
    expect(seen.map((earnings) => earnings.participantId)).toEqual([siti, siti, siti, siti]);
    // Every read that showed the earnings is in the access log; the refused ones read nothing.
    expect(accessRecords.map((record) => `${record.actorSub} ${record.action} ${record.participantId}`).sort()).toEqual(
      allowed.map((caller) => `${caller.sub} earnings.read ${siti}`).sort(),
    );
    for (const result of hidden) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(NotFoundError);
    }
  });
});
