import { eventHandler } from '#shared/kernel/consumers/event-handler';
import { logger } from '#shared/kernel/observability/logger';
import { reportsDeps } from '#shared/reports/deps';
import { reportProjection } from '#shared/reports/projection';
import declaration from './function.ts';

export const buildHandler = (deps = reportsDeps()) =>
  eventHandler(
    declaration,
    reportProjection(deps, (outcome) =>
      logger.info(outcome === 'applied' ? 'Counted in the group report' : 'Already counted in the group report'),
    ),
  );

export const handler = buildHandler();
