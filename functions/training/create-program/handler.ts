import { httpHandler } from '#shared/kernel/http/http-handler';
import { trainingDeps } from '#shared/training/deps';
import { createProgram } from '#shared/training/programs';
import declaration from './function.ts';

export const buildHandler = (deps = trainingDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, body }) => createProgram(deps, caller, body));

export const handler = buildHandler();
