import { defineFunction, scheduleTrigger } from '#shared/kernel/declaration';

export default defineFunction({
  name: 'expire-unpaid-orders',
  context: 'orders',
  description: 'Cancels the orders still unpaid at their payBy, giving their stock back (reason payment_expired)',
  // Every minute: the contract gives an unpaid order's cancellation 5 minutes after payBy, and stock held by an
  // order nobody pays is stock nobody else can buy. Each run reads only what fell due.
  trigger: scheduleTrigger({ everyMinutes: 1 }),
  grants: { table: ['read', 'write'] },
});
