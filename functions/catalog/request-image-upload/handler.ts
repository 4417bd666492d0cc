import { catalogImageUploadDeps } from '#shared/catalog/image-deps';
import { requestImageUpload } from '#shared/catalog/images';
import { httpHandler } from '#shared/kernel/http/http-handler';
import declaration from './function.ts';

export const buildHandler = (deps = catalogImageUploadDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, body }) => requestImageUpload(deps, caller, params.productId, body));

export const handler = buildHandler();
