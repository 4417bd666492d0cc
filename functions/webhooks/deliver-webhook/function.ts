import { defineFunction, workQueueTrigger } from '#shared/kernel/declaration';
import { DeliveryMessageSchema } from '#shared/webhooks/schemas';

export default defineFunction({
  name: 'deliver-webhook',
  context: 'webhooks',
  description: 'Makes one signed attempt per message to a partner endpoint, and schedules the next on failure',
  trigger: workQueueTrigger({ queue: 'webhook-deliveries', batchSize: 10, message: DeliveryMessageSchema }),
  grants: { table: ['read', 'write'], sendTo: ['webhook-deliveries'] },
  // Attempts in a batch run side by side, each with its own 15 s limit; this leaves room for the writes after them.
  timeoutSeconds: 30,
});
