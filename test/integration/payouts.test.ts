import { describe, expect, it } from 'vitest';
import { PayoutRecorded } from '#events/payout-recorded';
import { buildEarningsLedger } from '#shared/earnings/dynamo-earnings-ledger';
import { buildEarningsSources } from '#shared/earnings/dynamo-earnings-sources';
import { buildPayoutStore } from '#shared/earnings/dynamo-payout-store';
import { creditEarnings } from '#shared/earnings/earnings';
import { recordPayout } from '#shared/earnings/payouts';
import { getStatement } from '#shared/earnings/statement';
import { buildAccessLog } from '#shared/kernel/access-log/dynamo-access-log';
import type { Caller } from '#shared/kernel/auth/caller';
import { BusinessRuleError } from '#shared/kernel/errors';
import { buildParticipantDirectory } from '#shared/participants/dynamo-participant-directory';
import { fixedClock } from '#test/support/fakes/clock';
import { storedOrder } from '#test/support/table/earning-orders';
import { localTable } from '#test/support/table/local-table';
import { scanTable } from '#test/support/table/scan';

const { doc, table, cursors } = localTable();
const ledger = buildEarningsLedger(doc, table);
const payouts = buildPayoutStore(doc, table, cursors);
const at = '2026-12-03T02:00:00.000Z';

/** Siti credited 136,002 for a delivered order, in a group whose facilitator pays her. */
async function creditedParticipant() {
  const { order, siti } = await storedOrder(doc, table, 'delivered');
  const sources = buildEarningsSources(doc, table, buildParticipantDirectory(doc, table));
  const deps = { ledger, sources, payouts, clock: fixedClock(at), accessLog: buildAccessLog(doc, table, cursors) };
  await creditEarnings(deps, { orderId: order.id, groupId: order.groupId });
  const facilitator: Caller = { sub: `fac-${order.groupId}`, roles: ['facilitator'], groupId: order.groupId };
  return { siti, deps, facilitator };
}

describe('payouts against DynamoDB Local', () => {
  it('never pays out more than the balance when 8 payouts of one participant run at once', async () => {
    // Prepare: 136,002 available; eight payouts of 40,000 (only three fit)
    const { siti, deps, facilitator } = await creditedParticipant();
    const body = { amountIdr: 40_000, method: 'cash' as const, reference: 'KW-01', paidOn: '2026-12-03' };

    // Act
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) => recordPayout(deps, facilitator, siti, `key-${index}`, body)),
    );

    // Assert
    const paid = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(paid).toHaveLength(3);
    expect(refused.map((result) => result.reason)).toEqual(Array.from({ length: 5 }, () => expect.any(BusinessRuleError)));
    const balance = await ledger.balanceOf(siti);
    expect(balance).toMatchObject({ creditedIdr: 136_002, paidOutIdr: 120_000, availableIdr: 16_002, monthNetIdr: { '2026-12': 16_002 } });
    expect((await payouts.allOf(siti)).map((payout) => payout.amountIdr)).toEqual([40_000, 40_000, 40_000]);
    const events = await scanTable(doc, table, {
      FilterExpression: 'entity = :outbox AND detailType = :type AND detail.#data.participantId = :siti',
      ExpressionAttributeNames: { '#data': 'data' },
      ExpressionAttributeValues: { ':outbox': 'outbox', ':type': PayoutRecorded.detailType, ':siti': siti },
    });
    expect(events).toHaveLength(3);
  });

  it('answers a repeated key with the same payout and pays once; another body under the key is a 422', async () => {
    // Prepare
    const { siti, deps, facilitator } = await creditedParticipant();
    const body = { amountIdr: 100_000, method: 'bank_transfer' as const, reference: 'TRF-9', paidOn: '2026-12-02' };

    // Act
    const [first, second] = await Promise.all([
      recordPayout(deps, facilitator, siti, 'same-key', body),
      recordPayout(deps, facilitator, siti, 'same-key', body),
    ]);
    const other = recordPayout(deps, facilitator, siti, 'same-key', { ...body, amountIdr: 1 });

    // Assert
    expect(second).toEqual(first);
    await expect(other).rejects.toBeInstanceOf(BusinessRuleError);
    expect(await ledger.balanceOf(siti)).toMatchObject({ paidOutIdr: 100_000, availableIdr: 36_002 });
  });

  it('states a month from its opening balance, the months before it and its own lines', async () => {
    // Prepare: credited on 3 December; paid 30,000 on 2 December and 6,002 on 3 December
    const { siti, deps, facilitator } = await creditedParticipant();
    await recordPayout(deps, facilitator, siti, 'a', { amountIdr: 30_000, method: 'cash', reference: 'A', paidOn: '2026-12-02' });
    await recordPayout(deps, facilitator, siti, 'b', { amountIdr: 6_002, method: 'e_wallet', reference: 'B', paidOn: '2026-12-03' });

    // Act
    const third = await getStatement(deps, facilitator, siti, { from: '2026-12-03', to: '2026-12-31' });
    const january = await getStatement(deps, facilitator, siti, { from: '2027-01-01', to: '2027-01-31' });

    // Assert
    expect(third.openingBalanceIdr).toBe(-30_000);
    expect(third.lines.map((line) => [line.date, line.kind, line.amountIdr])).toEqual([
      ['2026-12-03', 'credit', 136_000],
      ['2026-12-03', 'credit', 2],
      ['2026-12-03', 'payout', -6_002],
    ]);
    expect(third.closingBalanceIdr).toBe(100_000);
    expect(january).toMatchObject({ openingBalanceIdr: 100_000, lines: [], closingBalanceIdr: 100_000 });
  });
});
