import { catalogDeps } from '#shared/catalog/deps';
import { updateProduct } from '#shared/catalog/products';
import { httpHandler } from '#shared/kernel/http/http-handler';
import declaration from './function.ts';

export const buildHandler = (deps = catalogDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params, body }) => updateProduct(deps, caller, params.productId, body));

export const handler = buildHandler();
