import { TrainingCompleted } from '#events/training-completed';
import { on } from '#shared/kernel/consumers/event-cases';
import { eventHandler } from '#shared/kernel/consumers/event-handler';
import { logger } from '#shared/kernel/observability/logger';
import { participantsDeps } from '#shared/participants/deps';
import { markSellerEligible } from '#shared/participants/participants';
import declaration from './function.ts';

export const buildHandler = (deps = participantsDeps()) =>
  eventHandler(declaration, [
    on(TrainingCompleted, async ({ data }) => {
      const changed = await markSellerEligible(deps, data.participantId);
      logger.info(changed ? 'Participant is now eligible to sell' : 'Participant was already eligible', {
        participantId: data.participantId,
      });
    }),
  ]);

export const handler = buildHandler();
