import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { parseStage } from '#infra/constructs/stage';
import { stageThrottle } from '#infra/stage-throttle';
import { tableDefinition } from '#shared/kernel/table-definition';
import { environmentOf, functionsByName, resourcesOfType, type Resource } from './template-lookup.ts';
import { synthStack } from './synth-stack.ts';

const dev = synthStack({ stage: 'dev' }).templates.combined;
const prod = synthStack({ stage: 'prod' }).templates.combined;

/** Resources that hold data or configuration someone would miss after a bad deploy. */
const stateful = [
  'AWS::DynamoDB::Table',
  'AWS::S3::Bucket',
  'AWS::Cognito::UserPool',
  'AWS::SecretsManager::Secret',
  'AWS::Logs::LogGroup',
];

describe('the stage', () => {
  it('defaults to dev', () => {
    expect(parseStage(undefined)).toBe('dev');
  });

  it('accepts prod', () => {
    expect(parseStage('prod')).toBe('prod');
  });

  it('refuses anything else', () => {
    expect(() => parseStage('staging')).toThrow(/stage=dev\|prod/);
  });
});

describe.each([
  ['dev', dev],
  ['prod', prod],
])('the table (%s)', (_stage, template) => {
  it('has the keys, indexes, TTL and stream of the shared table definition', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableDefinition.globalIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
    });
  });

  it('is on-demand, encrypted and recoverable to any point in time', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });
});

describe('what survives a mistake', () => {
  it('prod protects the table from deletion', () => {
    prod.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true });
    prod.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
  });

  it.each(stateful)('prod retains every %s', (type) => {
    const resources = resourcesOfType(prod, type);

    expect(resources.length).toBeGreaterThan(0);
    for (const [, resource] of resources) expect(resource).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('dev has no deletion protection', () => {
    dev.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: false });
    dev.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'INACTIVE' });
  });

  it.each(stateful)('dev deletes every %s with the stack', (type) => {
    for (const [, resource] of resourcesOfType(dev, type)) expect(resource).toMatchObject({ DeletionPolicy: 'Delete' });
  });

  it('log retention is one month in dev and three in prod', () => {
    const retention = (template: typeof dev) =>
      new Set(resourcesOfType(template, 'AWS::Logs::LogGroup').map(([, group]) => group.Properties.RetentionInDays));

    expect([...retention(dev)]).toEqual([30]);
    expect([...retention(prod)]).toEqual([90]);
  });
});

describe('the images bucket', () => {
  it('blocks all public access, is encrypted and owner-enforced', () => {
    dev.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
  });

  it('refuses requests without TLS', () => {
    const [[bucketId]] = resourcesOfType(dev, 'AWS::S3::Bucket') as [[string, Resource]];

    dev.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('expires raw uploads after a day', () => {
    dev.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Prefix: 'uploads/', ExpirationInDays: 1, Status: 'Enabled' })]),
      },
    });
  });
});

describe('the event bus', () => {
  it.each([
    ['dev', dev, 30],
    ['prod', prod, 365],
  ])('is named pas-kreatif-%s and archived for replay', (stage, template, days) => {
    const [[busId]] = resourcesOfType(template, 'AWS::Events::EventBus') as [[string, Resource]];

    template.hasResourceProperties('AWS::Events::EventBus', { Name: `pas-kreatif-${stage}` });
    template.hasResourceProperties('AWS::Events::Archive', { SourceArn: { 'Fn::GetAtt': [busId, 'Arn'] }, RetentionDays: days });
  });

  it('has no resource policy opening it to other accounts', () => {
    dev.resourceCountIs('AWS::Events::EventBusPolicy', 0);
  });
});

describe('the cursor signing key', () => {
  it('is a generated secret that functions receive as a deploy-time dynamic reference, never as plain text', () => {
    const [[secretId]] = resourcesOfType(dev, 'AWS::SecretsManager::Secret') as [[string, Resource]];
    const keys = [...functionsByName(dev).values()]
      .map(({ resource }) => environmentOf(resource).CURSOR_SIGNING_KEY)
      .filter((value) => value !== undefined);

    dev.hasResourceProperties('AWS::SecretsManager::Secret', { GenerateSecretString: Match.objectLike({ PasswordLength: 64 }) });
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toEqual({ 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']] });
    }
  });
});

describe('the user pool', () => {
  it('has the five roles of the contract as groups', () => {
    const groups = resourcesOfType(dev, 'AWS::Cognito::UserPoolGroup').map(([, group]) => group.Properties.GroupName);

    expect(groups.sort()).toEqual(['admin', 'buyer', 'facilitator', 'officer', 'participant']);
  });

  it('carries the scoping claims custom:groupId and custom:participantId', () => {
    dev.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'groupId', AttributeDataType: 'String' }),
        Match.objectLike({ Name: 'participantId', AttributeDataType: 'String' }),
      ]),
    });
  });

  it('lets clients read the scoping claims but not write them', () => {
    const [[, client]] = resourcesOfType(dev, 'AWS::Cognito::UserPoolClient') as [[string, Resource]];

    expect(client.Properties.ReadAttributes).toEqual(expect.arrayContaining(['custom:groupId', 'custom:participantId']));
    expect((client.Properties.WriteAttributes as string[]).filter((name) => name.startsWith('custom:'))).toEqual([]);
  });

  it('has no self sign-up and a strong password policy', () => {
    dev.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }),
      },
    });
  });
});

describe('the HTTP API', () => {
  it("checks tokens against the user pool's issuer and the client as audience", () => {
    const [[poolId]] = resourcesOfType(dev, 'AWS::Cognito::UserPool') as [[string, Resource]];
    const [[clientId]] = resourcesOfType(dev, 'AWS::Cognito::UserPoolClient') as [[string, Resource]];

    dev.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: clientId }],
        Issuer: {
          'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/', { Ref: poolId }]],
        },
      },
    });
  });

  it('answers CORS preflights', () => {
    dev.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({ AllowHeaders: Match.arrayWith(['authorization', 'content-type', 'idempotency-key']) }),
    });
  });

  it('logs every request of the default stage to a log group', () => {
    const [[, stage]] = resourcesOfType(dev, 'AWS::ApiGatewayV2::Stage') as [[string, Resource]];
    const settings = stage.Properties.AccessLogSettings as { DestinationArn: { 'Fn::GetAtt': [string, string] }; Format: string };

    expect(stage.Properties).toMatchObject({ StageName: '$default', AutoDeploy: true });
    expect(dev.toJSON().Resources[settings.DestinationArn['Fn::GetAtt'][0]].Type).toBe('AWS::Logs::LogGroup');
    expect(JSON.parse(settings.Format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
  });

  it.each([
    ['dev', dev],
    ['prod', prod],
  ])('throttles every route of the %s stage at rate 100/s, burst 200: the numbers the local API applies', (_stage, template) => {
    const [[, stage]] = resourcesOfType(template, 'AWS::ApiGatewayV2::Stage') as [[string, Resource]];

    expect(stageThrottle).toEqual({ rateLimit: 100, burstLimit: 200 });
    expect(stage.Properties.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: stageThrottle.rateLimit,
      ThrottlingBurstLimit: stageThrottle.burstLimit,
    });
    expect(stage.Properties.RouteSettings).toBeUndefined();
  });
});

describe('alarms', () => {
  it('go to a topic that refuses publishing without TLS', () => {
    const [[topicId]] = resourcesOfType(dev, 'AWS::SNS::Topic') as [[string, Resource]];

    dev.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it("exist for every function, every dead-letter queue and the API's 5xx rate, and all notify the topic", () => {
    const [[topicId]] = resourcesOfType(dev, 'AWS::SNS::Topic') as [[string, Resource]];
    const alarms = resourcesOfType(dev, 'AWS::CloudWatch::Alarm');
    // Declared functions only: CDK's bucket-notifications handler runs during deployments, which fail visibly.
    const expected = functionsByName(dev).size + resourcesOfType(dev, 'AWS::SQS::Queue').length + 1;

    expect(alarms).toHaveLength(expected);
    for (const [, alarm] of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
  });
});

describe('outputs', () => {
  it('name what a frontend or an operator needs', () => {
    expect(Object.keys(dev.toJSON().Outputs).sort()).toEqual([
      'ApiCdnUrl',
      'ApiUrl',
      'EventBusName',
      'ImagesUrl',
      'TableName',
      'UserPoolClientId',
      'UserPoolId',
    ]);
  });
});
