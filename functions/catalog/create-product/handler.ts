import { catalogDeps } from '#shared/catalog/deps';
import { createProduct } from '#shared/catalog/products';
import { httpHandler } from '#shared/kernel/http/http-handler';
import declaration from './function.ts';

export const buildHandler = (deps = catalogDeps()) =>
  httpHandler(declaration.trigger.route, ({ caller, body }) => createProduct(deps, caller, body));

export const handler = buildHandler();
