import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import {
  asArray,
  environmentOf,
  functionsByName,
  referencedId,
  resourcesOfType,
  statementsOfRole,
  type Resource,
} from './template-lookup.ts';
import { synthStack } from './synth-stack.ts';

const { templates } = synthStack({ stage: 'dev' });
// The bucket and its CDN are shared, in the root; the image functions are the catalog's.
const template = templates.root;
const catalog = templates.context('catalog');
const functions = functionsByName(catalog);
const [[bucketId]] = resourcesOfType(template, 'AWS::S3::Bucket') as [[string, Resource]];
// The root holds the API's distribution too (api-cdn.test.ts): this one is the bucket's.
const [[distributionId, distribution]] = resourcesOfType(template, 'AWS::CloudFront::Distribution').filter(([, resource]) =>
  JSON.stringify(resource.Properties.DistributionConfig).includes('S3OriginConfig'),
) as [[string, Resource]];
const objects = (suffix: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, suffix]] });

const s3ActionsOf = (name: string) => {
  const fn = functions.get(name);
  if (fn === undefined) throw new Error(`${name} is not deployed in the catalog nested stack`);
  const statements = statementsOfRole(catalog, referencedId(fn.resource.Properties.Role));
  return statements.filter((statement) => asArray(statement.Action).some((action) => action.startsWith('s3:')));
};

describe('product image functions', () => {
  it('the presign function may put uploads (which its URLs do on its behalf) and nothing else in the bucket', () => {
    const statements = s3ActionsOf('request-image-upload');

    expect(statements.map((statement) => [statement.Action, statement.Resource])).toEqual([['s3:PutObject', objects('/uploads/*')]]);
  });

  it('the processor reads uploads and writes renditions, and cannot delete any, nor overwrite an upload', () => {
    const statements = s3ActionsOf('process-product-image');

    expect(statements.map((statement) => [statement.Action, statement.Resource])).toEqual([
      ['s3:GetObject', objects('/uploads/*')],
      ['s3:PutObject', objects('/images/*')],
    ]);
  });

  it('the processor is told where renditions are served: the distribution', () => {
    const variables = environmentOf(functions.get('process-product-image')?.resource as Resource);

    expect(variables.IMAGES_BASE_URL).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] });
  });

  it('the processor runs with 1 GB and ships sharp beside its bundle', () => {
    const fn = functions.get('process-product-image')?.resource as Resource;

    expect(fn.Properties).toMatchObject({ MemorySize: 1024, Timeout: 30, Architectures: ['arm64'] });
  });
});

describe('the images CDN', () => {
  it('reads the bucket through Origin Access Control, rooted at images/', () => {
    const [[oacId]] = resourcesOfType(template, 'AWS::CloudFront::OriginAccessControl') as [[string, Resource]];

    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      }),
    });
    expect(distribution.Properties.DistributionConfig).toMatchObject({
      Origins: [
        {
          DomainName: { 'Fn::GetAtt': [bucketId, 'RegionalDomainName'] },
          OriginPath: '/images',
          OriginAccessControlId: { 'Fn::GetAtt': [oacId, 'Id'] },
          S3OriginConfig: { OriginAccessIdentity: '' },
        },
      ],
      DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https', AllowedMethods: ['GET', 'HEAD'] },
    });
  });

  it('may read images/* only, and only as this distribution: originals stay private', () => {
    const policies = resourcesOfType(template, 'AWS::S3::BucketPolicy');
    const statements = policies.flatMap(
      ([, policy]) => (policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
    );
    const forCloudFront = statements.filter((statement) => JSON.stringify(statement.Principal).includes('cloudfront'));

    expect(forCloudFront).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: objects('/images/*'),
        Condition: {
          StringEquals: {
            'AWS:SourceArn': {
              'Fn::Join': [
                '',
                ['arn:', { Ref: 'AWS::Partition' }, ':cloudfront::', { Ref: 'AWS::AccountId' }, `:distribution/`, { Ref: distributionId }],
              ],
            },
          },
        },
      },
    ]);
    // Nothing else is public: the bucket still blocks public access outright.
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: Match.objectLike({ RestrictPublicBuckets: true }),
    });
  });
});
