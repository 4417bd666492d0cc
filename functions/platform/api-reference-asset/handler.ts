import { httpHandler, RawBody } from '#shared/kernel/http/http-handler';
import { readApiReferenceAssets } from '#shared/platform/swagger-ui-files';
import declaration from './function.ts';

const assets = readApiReferenceAssets();

export const handler = httpHandler(declaration.trigger.route, async ({ params }) => {
  const asset = assets[params.asset];
  return new RawBody(asset.contentType, asset.body);
});
