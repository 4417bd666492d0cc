import { defineFunction, eventTrigger } from '#shared/kernel/declaration';
import { OrderCancelled } from '#events/order-cancelled';
import { OrderRefunded } from '#events/order-refunded';

export default defineFunction({
  name: 'reverse-earnings',
  context: 'earnings',
  description: 'On OrderRefunded or OrderCancelled, reverses whatever was credited for the order, once, whichever event comes first',
  trigger: eventTrigger(OrderRefunded, OrderCancelled),
  grants: { table: ['read', 'write'] },
});
