import { describe, expect, it } from 'vitest';
import { creditEarnings } from '#shared/earnings/earnings';
import { listPayouts, recordPayout } from '#shared/earnings/payouts';
import { getStatement, statementCsv, statementRange } from '#shared/earnings/statement';
import type { Caller } from '#shared/kernel/auth/caller';
import { BusinessRuleError, ForbiddenError, InvalidInputError, NotFoundError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import { fakeAccessLog } from '#test/support/fakes/access-log';
import { fixedClock } from '#test/support/fakes/clock';
import { fakeEarnings } from '#test/support/fakes/earnings';

const groupId = newId('grp');
const siti = newId('prt');
const now = '2026-12-03T02:00:00.000Z';
const facilitator: Caller = { sub: 'fac', roles: ['facilitator'], groupId };
const body = { amountIdr: 50_000, method: 'cash' as const, reference: 'KW-1', paidOn: '2026-12-03' };

/** Siti credited 136,000 on 1 December. */
async function setUp() {
  const order = {
    id: newId('ord'),
    groupId,
    status: 'delivered',
    items: [{ productId: newId('prd'), participantId: siti, subtotalIdr: 170_000 }],
  };
  const fakes = fakeEarnings({ orders: [order], groups: { [groupId]: 80 }, participants: { [siti]: groupId } });
  const { accessLog, records } = fakeAccessLog();
  const deps = { ledger: fakes.ledger, sources: fakes.sources, payouts: fakes.payouts, accessLog, clock: fixedClock(now) };
  await creditEarnings({ ...deps, clock: fixedClock('2026-12-01T08:00:00.000Z') }, { orderId: order.id, groupId });
  return { deps, fakes, records, order };
}

describe('recordPayout', () => {
  it('records the payout with who recorded it and announces PayoutRecorded with ids and figures only', async () => {
    // Prepare
    const { deps, fakes } = await setUp();

    // Act
    const payout = await recordPayout(deps, facilitator, siti, 'k1', body);

    // Assert
    expect(payout).toEqual({
      id: expect.stringMatching(/^pay_/),
      participantId: siti,
      groupId,
      ...body,
      recordedBy: 'fac',
      createdAt: now,
    });
    expect(fakes.events.at(-1)).toEqual({
      detailType: 'PayoutRecorded',
      data: { payoutId: payout.id, participantId: siti, groupId, amountIdr: 50_000, method: 'cash' },
    });
    expect(fakes.balances.get(siti)).toMatchObject({ paidOutIdr: 50_000, availableIdr: 86_000 });
  });

  it('lets only the group’s facilitators and admins pay: 403 to officers and the participant, 404 to strangers', async () => {
    // Prepare
    const { deps } = await setUp();
    const admin: Caller = { sub: 'admin', roles: ['admin'] };

    // Act
    const byAdmin = recordPayout(deps, admin, siti, 'k-admin', body);
    const byOfficer = recordPayout(deps, { sub: 'off', roles: ['officer'] }, siti, 'k2', body);
    const bySelf = recordPayout(deps, { sub: 'siti', roles: ['participant'], participantId: siti }, siti, 'k3', body);
    const byOtherGroup = recordPayout(deps, { sub: 'f2', roles: ['facilitator'], groupId: newId('grp') }, siti, 'k4', body);
    const unknown = recordPayout(deps, admin, newId('prt'), 'k5', body);

    // Assert
    await expect(byAdmin).resolves.toMatchObject({ recordedBy: 'admin' });
    await expect(byOfficer).rejects.toBeInstanceOf(ForbiddenError);
    await expect(bySelf).rejects.toBeInstanceOf(ForbiddenError);
    await expect(byOtherGroup).rejects.toBeInstanceOf(NotFoundError);
    await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses more than the balance (422), a payout dated after tomorrow (400) and a missing key (400)', async () => {
    // Prepare
    const { deps, fakes } = await setUp();

    // Act
    const tooMuch = recordPayout(deps, facilitator, siti, 'a', { ...body, amountIdr: 136_001 });
    const future = recordPayout(deps, facilitator, siti, 'b', { ...body, paidOn: '2026-12-05' });
    const tomorrow = recordPayout(deps, facilitator, siti, 'c', { ...body, paidOn: '2026-12-04' });
    const noKey = recordPayout(deps, facilitator, siti, undefined, body);

    // Assert
    await expect(tooMuch).rejects.toBeInstanceOf(BusinessRuleError);
    await expect(future).rejects.toBeInstanceOf(InvalidInputError);
    await expect(tomorrow).resolves.toMatchObject({ paidOn: '2026-12-04' });
    await expect(noKey).rejects.toBeInstanceOf(InvalidInputError);
    expect(fakes.balances.get(siti)?.paidOutIdr).toBe(50_000);
  });

  it('answers the same key and body with the same payout, and another body (or participant) under the key with a 422', async () => {
    // Prepare
    const { deps, fakes } = await setUp();
    const first = await recordPayout(deps, facilitator, siti, 'same', body);

    // Act
    const again = await recordPayout(deps, facilitator, siti, 'same', { ...body });
    const otherBody = recordPayout(deps, facilitator, siti, 'same', { ...body, reference: 'KW-2' });

    // Assert
    expect(again).toEqual(first);
    await expect(otherBody).rejects.toBeInstanceOf(BusinessRuleError);
    expect(fakes.balances.get(siti)?.paidOutIdr).toBe(50_000);
  });
});

describe('listPayouts and getStatement', () => {
  it('records each read in the access log, and hides everything from strangers', async () => {
    // Prepare
    const { deps, records } = await setUp();
    const stranger: Caller = { sub: 'x', roles: ['facilitator'], groupId: newId('grp') };

    // Act
    await listPayouts(deps, facilitator, siti, { limit: 20 });
    await getStatement(deps, facilitator, siti, {});
    const hidden = await Promise.allSettled([listPayouts(deps, stranger, siti, { limit: 20 }), getStatement(deps, stranger, siti, {})]);

    // Assert
    expect(records.map((record) => record.action)).toEqual(['payouts.read', 'statement.read']);
    expect(hidden.map((result) => result.status === 'rejected' && result.reason instanceof NotFoundError)).toEqual([true, true]);
  });

  it('states the current month by default: opening + Σ lines = closing, payouts negative, lines as CSV', async () => {
    // Prepare
    const { deps, order } = await setUp();
    const payout = await recordPayout(deps, facilitator, siti, 'k', body);

    // Act
    const statement = await getStatement(deps, facilitator, siti, {});
    const fromSecond = await getStatement(deps, facilitator, siti, { from: '2026-12-02', to: '2026-12-02' });

    // Assert
    expect(statement).toEqual({
      participantId: siti,
      from: '2026-12-01',
      to: '2026-12-31',
      openingBalanceIdr: 0,
      lines: [
        { date: '2026-12-01', kind: 'credit', orderId: order.id, amountIdr: 136_000 },
        { date: '2026-12-03', kind: 'payout', payoutId: payout.id, amountIdr: -50_000 },
      ],
      closingBalanceIdr: 86_000,
    });
    expect(fromSecond).toMatchObject({ openingBalanceIdr: 136_000, lines: [], closingBalanceIdr: 136_000 });
    expect(statementCsv(statement)).toBe(
      'date,kind,orderId,payoutId,amountIdr\r\n' +
        `2026-12-01,credit,${order.id},,136000\r\n` +
        `2026-12-03,payout,,${payout.id},-50000\r\n`,
    );
  });

  it('refuses a reversed range and one longer than five years', () => {
    expect(() => statementRange({ from: '2026-12-02', to: '2026-12-01' }, new Date(now))).toThrow(InvalidInputError);
    expect(() => statementRange({ from: '2020-01-01', to: '2025-12-31' }, new Date(now))).toThrow(InvalidInputError);
    expect(statementRange({}, new Date('2028-02-10T00:00:00.000Z'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});
