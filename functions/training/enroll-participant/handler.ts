import { httpHandler } from '#shared/kernel/http/http-handler';
import { trainingDeps } from '#shared/training/deps';
import { enrollParticipant } from '#shared/training/enrollments';
import declaration from './function.ts';

export const buildHandler = (deps = trainingDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, body }) => enrollParticipant(deps, caller, params.programId, body));

export const handler = buildHandler();
