import { describe, expect, it } from 'vitest';
import { declarations } from '#functions/declarations';
import { checkTriggers } from './trigger-checks.ts';
import { synthStack } from './synth-stack.ts';

const { templates } = synthStack({ stage: 'dev' });
const template = templates.combined;

describe('triggers of every declared function (dev)', () => {
  checkTriggers(declarations, templates);
});

describe('route authorization, by the contract', () => {
  const routeTo = (routeKey: string) => {
    const routes = template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } });
    const [route] = Object.values(routes) as { Properties: Record<string, unknown> }[];
    if (route === undefined) throw new Error(`${routeKey} is not deployed`);
    return route.Properties;
  };

  it.each(['GET /health', 'GET /openapi.json', 'GET /events/schemas', 'GET /asyncapi.json'])('%s needs no token', (routeKey) => {
    expect(routeTo(routeKey)).toMatchObject({ AuthorizationType: 'NONE' });
    expect(routeTo(routeKey).AuthorizerId).toBeUndefined();
  });

  it('POST /groups needs a Cognito token', () => {
    expect(routeTo('POST /groups')).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: expect.any(String) } });
  });
});
