import { defineFunction } from '#shared/kernel/declaration';
import { patternFor } from '#events/event-contract';
import { OrderDelivered } from '#events/order-delivered';

export default defineFunction({
  name: 'credit-earnings',
  context: 'earnings',
  description: "On OrderDelivered, credits each item's share to its participant, once per order",
  trigger: { kind: 'event', pattern: patternFor(OrderDelivered) },
  grants: { table: ['read', 'write'] },
});
