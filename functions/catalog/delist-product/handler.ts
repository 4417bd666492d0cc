import { catalogDeps } from '#shared/catalog/deps';
import { delistProduct } from '#shared/catalog/products';
import { httpHandler } from '#shared/kernel/http/http-handler';
import declaration from './function.ts';

export const buildHandler = (deps = catalogDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, params }) => delistProduct(deps, caller, params.productId));

export const handler = buildHandler();
