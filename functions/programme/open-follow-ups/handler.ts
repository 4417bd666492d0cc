import { TrainingCompleted } from '#events/training-completed';
import { on } from '#shared/kernel/consumers/event-cases';
import { eventHandler } from '#shared/kernel/consumers/event-handler';
import { logger } from '#shared/kernel/observability/logger';
import { programmeWriteDeps } from '#shared/programme/deps';
import { openFollowUps } from '#shared/programme/follow-ups';
import declaration from './function.ts';

export const buildHandler = (deps = programmeWriteDeps()) =>
  eventHandler(declaration, [
    on(TrainingCompleted, async ({ data }) => {
      const opened = await openFollowUps(deps, data);
      logger.info(opened > 0 ? 'Follow-ups opened' : 'Follow-ups were open already', { enrollmentId: data.enrollmentId, opened });
    }),
  ]);

export const handler = buildHandler();
