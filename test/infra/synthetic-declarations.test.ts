import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { defineFunction, type FunctionDeclaration, scheduleTrigger } from '#shared/kernel/declaration';
import health from '#functions/platform/health/function';
import { checkFunctions } from './function-checks.ts';
import { checkTriggers } from './trigger-checks.ts';
import { synthStack } from './synth-stack.ts';
import { environmentOf, functionsByName, resourcesOfType, type Resource } from './template-lookup.ts';

/**
 * Declarations that exercise what today's functions do not (every grant at once, the bucket, limits, a
 * pattern with operators and $or, another stream filter, an optional-auth route, a schedule in minutes), reusing existing handler
 * files as entries.
 */
const synthetic: readonly FunctionDeclaration[] = [
  health,
  defineFunction({
    name: 'openapi',
    context: 'platform',
    description: 'holds every grant there is',
    trigger: {
      kind: 'http',
      route: { method: 'POST', path: '/everything/{id}', auth: 'jwt', summary: 'everything', response: { status: 200 } },
    },
    grants: {
      table: ['read', 'write'],
      tableAttributes: ['pk', 'sk', 'id'],
      bus: 'put',
      bucket: { read: ['uploads/', 'images/'], write: ['uploads/', 'images/'] },
      cursorKey: true,
      midtransServerKey: 'read',
    },
    timeoutSeconds: 20,
    memoryMb: 1024,
  }),
  defineFunction({
    name: 'get-artisan',
    context: 'participants',
    description: 'an optional-auth route',
    trigger: {
      kind: 'http',
      route: {
        method: 'GET',
        path: '/things/{id}',
        auth: 'optional',
        summary: 'a thing, more of it to its owner',
        response: { status: 200 },
      },
    },
    grants: { table: ['read'] },
  }),
  defineFunction({
    name: 'mark-seller-eligible',
    context: 'participants',
    description: 'an event consumer with an elaborate pattern',
    trigger: {
      kind: 'event',
      pattern: {
        source: [{ prefix: 'pas-kreatif.' }],
        'detail-type': ['OrderPaid', 'OrderCancelled'],
        detail: { data: { totalIdr: [{ numeric: ['>', 0] }], reason: [{ 'anything-but': ['test'] }] } },
        $or: [{ account: ['111111111111'] }, { region: ['ap-southeast-3'] }],
      },
    },
    grants: { bucket: { read: ['images/'] } },
  }),
  defineFunction({
    name: 'outbox-relay',
    context: 'platform',
    description: 'a stream consumer with another filter',
    trigger: {
      kind: 'tableStream',
      filter: { eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { entity: { S: [{ prefix: 'order' }] } } } },
      batchSize: 10,
    },
    grants: { table: ['read'] },
  }),
  defineFunction({
    name: 'reduce-buyer-data',
    context: 'orders',
    description: 'a schedule of minutes, not hours, with no grants',
    trigger: scheduleTrigger({ everyMinutes: 5 }),
    grants: {},
  }),
];

const { stack, templates } = synthStack({ stage: 'dev', declarations: synthetic });
const template = templates.combined;

describe('synthetic declarations', () => {
  checkFunctions(synthetic, templates, 30);
  checkTriggers(synthetic, templates);

  it('scope bucket grants to the images objects under the granted prefixes, never the whole bucket', () => {
    const [bucketId] = Object.keys(template.findResources('AWS::S3::Bucket'));
    const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    const objectsUnder = (prefix: string) => JSON.stringify({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, `/${prefix}*`]] });

    expect(policies).toContain(objectsUnder('uploads/'));
    expect(policies).toContain(objectsUnder('images/'));
    expect(policies).not.toContain(objectsUnder(''));
  });

  describe('an optional-auth route', () => {
    const [authorizer] = resourcesOfType(template, 'AWS::ApiGatewayV2::Authorizer').map(([, resource]) => resource.Properties);
    const functions = functionsByName(template);

    it('has no authorizer, while the jwt route beside it keeps one', () => {
      // Act
      const authorizationOf = (routeKey: string) =>
        resourcesOfType(template, 'AWS::ApiGatewayV2::Route').find(([, route]) => route.Properties.RouteKey === routeKey)?.[1].Properties;

      // Assert
      expect(authorizationOf('GET /things/{id}')).toMatchObject({ AuthorizationType: 'NONE' });
      expect(authorizationOf('GET /things/{id}')).not.toHaveProperty('AuthorizerId');
      expect(authorizationOf('POST /everything/{id}')).toMatchObject({ AuthorizationType: 'JWT' });
    });

    it("tells its function the authorizer's own issuer and audience, so both accept the same tokens", () => {
      // Act
      const variables = environmentOf(functions.get('get-artisan')?.resource as Resource);

      // Assert
      expect(authorizer).toBeDefined();
      expect(variables.JWT_ISSUER).toBeDefined();
      const { Issuer, Audience } = (authorizer as { JwtConfiguration: { Issuer: unknown; Audience: unknown[] } }).JwtConfiguration;
      expect(variables.JWT_ISSUER).toEqual(Issuer);
      expect([variables.JWT_AUDIENCE]).toEqual(Audience);
    });

    it('is the only function told about tokens', () => {
      // Act
      const told = [...functions].filter(
        ([, { resource }]) => 'JWT_ISSUER' in environmentOf(resource) || 'JWT_AUDIENCE' in environmentOf(resource),
      );

      // Assert
      expect(told.map(([name]) => name)).toEqual(['get-artisan']);
    });
  });

  it('read the Midtrans server key from the parameter CDK context names, when it names one', () => {
    // Prepare
    const named = synthStack({ stage: 'dev', declarations: synthetic, context: { midtransServerKeyParameter: '/ops/midtrans/key' } });

    // Act
    const variables = environmentOf(functionsByName(named.templates.combined).get('openapi')?.resource as Resource);
    const policies = JSON.stringify(named.templates.combined.findResources('AWS::IAM::Policy'));

    // Assert
    expect(variables.MIDTRANS_SERVER_KEY_PARAMETER).toBe('/ops/midtrans/key');
    expect(policies).toContain(':parameter/ops/midtrans/key"');
    expect(policies).not.toContain('midtrans-server-key');
  });

  it('refuse a parameter name that is not a full path', () => {
    expect(() => synthStack({ stage: 'dev', declarations: synthetic, context: { midtransServerKeyParameter: 'midtrans-key' } })).toThrow(
      /full SSM parameter path/,
    );
  });

  it('ask Midtrans’ production API in prod and its sandbox anywhere else', () => {
    const apiUrlIn = (stage: 'dev' | 'prod') =>
      environmentOf(functionsByName(synthStack({ stage, declarations: synthetic }).templates.combined).get('openapi')?.resource as Resource)
        .MIDTRANS_API_URL;

    expect([apiUrlIn('dev'), apiUrlIn('prod')]).toEqual(['https://api.sandbox.midtrans.com', 'https://api.midtrans.com']);
  });

  it('ask the Midtrans API CDK context `midtransApiUrl` names, when it names one, and only over https', () => {
    const named = synthStack({ stage: 'prod', declarations: synthetic, context: { midtransApiUrl: 'https://midtrans.example.id/' } });

    const variables = environmentOf(functionsByName(named.templates.combined).get('openapi')?.resource as Resource);

    expect(variables.MIDTRANS_API_URL).toBe('https://midtrans.example.id');
    expect(() => synthStack({ stage: 'dev', declarations: synthetic, context: { midtransApiUrl: 'http://api.midtrans.com' } })).toThrow(
      /midtransApiUrl must be an https URL/,
    );
  });

  it('leave no cdk-nag finding unacknowledged, bucket wildcards included', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);

    expect(report.violations).toEqual([]);
  });
});
