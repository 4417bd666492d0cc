import { eventsHandler } from '#shared/events/events-handler';
import { logger } from '#shared/observability/logger';
import { reportsDeps } from '#shared/reports/deps';
import { reportProjection } from '#shared/reports/projection';

export const buildHandler = (deps = reportsDeps()) =>
  eventsHandler(
    reportProjection(deps, (outcome) =>
      logger.info(outcome === 'applied' ? 'Counted in the group report' : 'Already counted in the group report'),
    ),
  );

export const handler = buildHandler();
