import { httpHandler } from '#shared/kernel/http/http-handler';
import { trainingDeps } from '#shared/training/deps';
import { listPrograms } from '#shared/training/programs';
import declaration from './function.ts';

export const buildHandler = (deps = trainingDeps()) => httpHandler(declaration.trigger.route, ({ query }) => listPrograms(deps, query));

export const handler = buildHandler();
