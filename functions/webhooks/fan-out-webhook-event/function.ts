import { eventCatalog } from '#events/catalog';
import { defineFunction, eventQueueTrigger } from '#shared/kernel/declaration';

export default defineFunction({
  name: 'fan-out-webhook-event',
  context: 'webhooks',
  description: 'Makes one delivery per subscribed partner webhook of each event, once, and queues its first attempt',
  // One rule per event type of the catalog feeds the queue: a partner may subscribe to any of them.
  trigger: eventQueueTrigger({ queue: 'webhook-events', batchSize: 10, events: eventCatalog }),
  grants: { table: ['read', 'write'], sendTo: ['webhook-deliveries'] },
});
