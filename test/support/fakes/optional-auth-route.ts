import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpRoute } from '#shared/kernel/declaration';

/** A route that serves anyone and shows more to a signed-in caller: what optional auth is tested on. */
export const optionalAuthRoute = {
  method: 'GET',
  path: '/things/{thingId}',
  auth: 'optional',
  summary: 'a thing, more of it to its owner',
  response: { status: 200 },
} satisfies HttpRoute;

/** A request to it as API Gateway sends one to a route without an authorizer: the Authorization header as is, no requestContext.authorizer. */
export const optionalAuthRequest = (headers: Record<string, string>): APIGatewayProxyEventV2 => ({
  version: '2.0',
  routeKey: `GET ${optionalAuthRoute.path}`,
  rawPath: '/things/t1',
  rawQueryString: '',
  headers,
  isBase64Encoded: false,
  requestContext: {} as APIGatewayProxyEventV2['requestContext'],
});
