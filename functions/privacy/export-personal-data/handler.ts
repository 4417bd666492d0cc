import { httpHandler } from '#shared/kernel/http/http-handler';
import { privacyDeps } from '#shared/privacy/deps';
import { exportPersonalData } from '#shared/privacy/personal-data';
import declaration from './function.ts';

export const buildHandler = (deps = privacyDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params }) => exportPersonalData(deps, caller, params.participantId));

export const handler = buildHandler();
