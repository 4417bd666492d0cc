import { catalogDeps } from '#shared/catalog/deps';
import { browseProducts } from '#shared/catalog/products';
import { httpHandler } from '#shared/kernel/http/http-handler';
import declaration from './function.ts';

export const buildHandler = (deps = catalogDeps()) => httpHandler(declaration.trigger.route, ({ query }) => browseProducts(deps, query));

export const handler = buildHandler();
