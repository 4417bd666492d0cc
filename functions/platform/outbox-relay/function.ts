import { defineFunction } from '#shared/kernel/declaration';

export default defineFunction({
  name: 'outbox-relay',
  context: 'platform',
  description: 'Publishes outbox rows from the table stream to the event bus',
  // Only new outbox rows reach the function: the stream also carries personal data, which the filter keeps out.
  trigger: {
    kind: 'tableStream',
    filter: { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['outbox'] } } } },
    batchSize: 50,
  },
  grants: { bus: 'put' },
});
