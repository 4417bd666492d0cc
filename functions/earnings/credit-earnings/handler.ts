import { OrderDelivered } from '#events/order-delivered';
import { earningsCreditDeps } from '#shared/earnings/deps';
import { creditEarnings } from '#shared/earnings/earnings';
import { on } from '#shared/kernel/consumers/event-cases';
import { eventHandler } from '#shared/kernel/consumers/event-handler';
import { logger } from '#shared/kernel/observability/logger';
import declaration from './function.ts';

const messages = {
  credited: 'Earnings credited',
  'credited-and-reversed': 'Earnings credited together with their reversal, which came first',
  'already-credited': 'Earnings were already credited for this order',
  'order-missing': 'OrderDelivered names no stored order; nothing credited',
  'group-mismatch': "OrderDelivered names another group than the order's; nothing credited",
  'not-delivered': 'The order is not delivered; nothing credited',
} as const;

export const buildHandler = (deps = earningsCreditDeps()) =>
  eventHandler(declaration, [
    on(OrderDelivered, async ({ data }) => {
      const outcome = await creditEarnings(deps, data);
      // A refused event is logged, not thrown: retrying would read the same order again.
      const fields = { orderId: data.orderId, groupId: data.groupId, outcome };
      if (outcome === 'credited' || outcome === 'credited-and-reversed' || outcome === 'already-credited')
        logger.info(messages[outcome], fields);
      else logger.warn(messages[outcome], fields);
    }),
  ]);

export const handler = buildHandler();
