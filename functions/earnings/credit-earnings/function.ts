import { defineFunction, eventTrigger } from '#shared/kernel/declaration';
import { OrderDelivered } from '#events/order-delivered';

export default defineFunction({
  name: 'credit-earnings',
  context: 'earnings',
  description: "On OrderDelivered, credits each item's share to its participant, once per order",
  trigger: eventTrigger(OrderDelivered),
  grants: { table: ['read', 'write'] },
});
