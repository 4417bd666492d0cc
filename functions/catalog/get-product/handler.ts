import { buildTokenVerifier } from '#shared/kernel/auth/jwt-token-verifier';
import { catalogDeps } from '#shared/catalog/deps';
import { getProduct } from '#shared/catalog/products';
import { httpHandler } from '#shared/kernel/http/http-handler';
import declaration from './function.ts';

export const buildHandler = (deps = catalogDeps(), tokens = buildTokenVerifier()) =>
  httpHandler(declaration.trigger.route, ({ caller, params }) => getProduct(deps, caller, params.productId), tokens);

export const handler = buildHandler();
