import { defineFunction } from '#shared/kernel/declaration';
import { patternForAny } from '#events/event-contract';
import { reportedEvents } from '#shared/reports/projection';

export default defineFunction({
  name: 'project-group-report',
  context: 'reports',
  description: "Counts each reported event once into its group's day and month report buckets",
  trigger: { kind: 'event', pattern: patternForAny(reportedEvents) },
  grants: { table: ['read', 'write'] },
});
