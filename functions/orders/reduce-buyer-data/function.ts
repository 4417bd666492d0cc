import { defineFunction, scheduleTrigger } from '#shared/kernel/declaration';

export default defineFunction({
  name: 'reduce-buyer-data',
  context: 'orders',
  description: "Reduces ended orders' buyer data 90 days on: shipping to its city, free-text notes removed",
  // Hourly: a reduction is due to the day, so an hour late is on time; each run reads only what fell due.
  trigger: scheduleTrigger({ everyMinutes: 60 }),
  grants: { table: ['read', 'write'] },
});
