import { httpHandler } from '#shared/kernel/http/http-handler';
import { trainingDeps } from '#shared/training/deps';
import { listParticipantEnrollments } from '#shared/training/enrollments';
import declaration from './function.ts';

export const buildHandler = (deps = trainingDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, query }) =>
    listParticipantEnrollments(deps, caller, params.participantId, query),
  );

export const handler = buildHandler();
