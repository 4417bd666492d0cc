import { eventsHandler } from '#shared/kernel/consumers/events-handler';
import { logger } from '#shared/kernel/observability/logger';
import { reportsDeps } from '#shared/reports/deps';
import { reportProjection } from '#shared/reports/projection';

export const buildHandler = (deps = reportsDeps()) =>
  eventsHandler(
    reportProjection(deps, (outcome) =>
      logger.info(outcome === 'applied' ? 'Counted in the group report' : 'Already counted in the group report'),
    ),
  );

export const handler = buildHandler();
