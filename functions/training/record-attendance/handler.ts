import { httpHandler } from '#shared/kernel/http/http-handler';
import { trainingDeps } from '#shared/training/deps';
import { recordAttendance } from '#shared/training/enrollments';
import declaration from './function.ts';

export const buildHandler = (deps = trainingDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, body }) => recordAttendance(deps, caller, params.enrollmentId, body));

export const handler = buildHandler();
