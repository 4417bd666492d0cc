import { OrderCancelled } from '#events/order-cancelled';
import { OrderRefunded } from '#events/order-refunded';
import { earningsCreditDeps } from '#shared/earnings/deps';
import { type ReverseEarningsOutcome, reverseEarnings } from '#shared/earnings/reversals';
import { on } from '#shared/kernel/consumers/event-cases';
import { eventHandler } from '#shared/kernel/consumers/event-handler';
import { logger } from '#shared/kernel/observability/logger';
import declaration from './function.ts';

const messages: Record<ReverseEarningsOutcome, string> = {
  reversed: 'Earnings reversed',
  'nothing-credited': 'Nothing was credited for this order; it is marked reversed, so a later credit is reversed with it',
  'already-reversed': 'Earnings were already reversed for this order',
  'order-missing': 'The event names no stored order; nothing reversed',
  'group-mismatch': "The event names another group than the order's; nothing reversed",
  'not-ended': 'The order has not ended as the event says; nothing reversed',
};

const refused: readonly ReverseEarningsOutcome[] = ['order-missing', 'group-mismatch', 'not-ended'];

export const buildHandler = (deps = earningsCreditDeps()) => {
  const reverse = async (data: { orderId: string; groupId: string }, endedAs: readonly ('refunded' | 'cancelled')[]) => {
    const outcome = await reverseEarnings(deps, data, endedAs);
    // A refused event is logged, not thrown: retrying would read the same order again.
    const fields = { orderId: data.orderId, groupId: data.groupId, outcome };
    if (refused.includes(outcome)) logger.warn(messages[outcome], fields);
    else logger.info(messages[outcome], fields);
  };
  return eventHandler(declaration, [
    // A paid order is cancelled with its refund: OrderRefunded then names a cancelled order.
    on(OrderRefunded, ({ data }) => reverse(data, ['refunded', 'cancelled'])),
    on(OrderCancelled, ({ data }) => reverse(data, ['cancelled'])),
  ]);
};

export const handler = buildHandler();
