import { defineFunction, eventTrigger } from '#shared/kernel/declaration';
import { reportedEvents } from '#shared/reports/projection';

export default defineFunction({
  name: 'project-group-report',
  context: 'reports',
  description: "Counts each reported event once into its group's day and month report buckets",
  trigger: eventTrigger(...reportedEvents),
  grants: { table: ['read', 'write'] },
});
