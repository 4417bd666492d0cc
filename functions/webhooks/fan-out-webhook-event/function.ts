import { eventCatalog } from '#events/catalog';
import { patternFor } from '#events/event-contract';
import { defineFunction } from '#shared/kernel/declaration';

export default defineFunction({
  name: 'fan-out-webhook-event',
  context: 'webhooks',
  description: 'Makes one delivery per subscribed partner webhook of each event, once, and queues its first attempt',
  // One rule per event type of the catalog feeds the queue: a partner may subscribe to any of them.
  trigger: { kind: 'queue', queue: 'webhook-events', batchSize: 10, feed: eventCatalog.map(patternFor) },
  grants: { table: ['read', 'write'], sendTo: ['webhook-deliveries'] },
});
