import { describe, expect, it } from 'vitest';
import { resourcesOfType, type Resource } from './template-lookup.ts';
import { synthStack } from './synth-stack.ts';

const { templates } = synthStack({ stage: 'dev' });
const template = templates.root;
const [[apiId]] = resourcesOfType(template, 'AWS::ApiGatewayV2::Api') as [[string, Resource]];
const isApiCdn = ([, resource]: [string, Resource]) =>
  JSON.stringify((resource.Properties.DistributionConfig as { Origins: unknown }).Origins).includes('execute-api');
const [apiCdn] = resourcesOfType(template, 'AWS::CloudFront::Distribution').filter(isApiCdn) as [[string, Resource]];
const [distributionId, distribution] = apiCdn;
const config = distribution.Properties.DistributionConfig as Record<string, unknown> & {
  DefaultCacheBehavior: Record<string, unknown>;
  Origins: Record<string, unknown>[];
};
const resourceOf = (reference: unknown) => {
  const id = (reference as { Ref: string }).Ref;
  return [id, template.toJSON().Resources[id] as Resource] as const;
};

describe('the API CDN', () => {
  it('has the HTTP API as its one origin, reached over HTTPS', () => {
    expect(config.Origins).toEqual([
      expect.objectContaining({
        DomainName: {
          'Fn::Join': ['', [{ Ref: apiId }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]],
        },
        CustomOriginConfig: expect.objectContaining({ OriginProtocolPolicy: 'https-only' }),
      }),
    ]);
  });

  it('takes every method the API takes, caches only GET and HEAD, and refuses plain HTTP', () => {
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachedMethods: ['GET', 'HEAD'],
    });
  });

  it('keys the cache on the path, every query string and Authorization (no cookies), and keeps at most 60 s, nothing by default', () => {
    const [, policy] = resourceOf(config.DefaultCacheBehavior.CachePolicyId);

    expect(policy.Type).toBe('AWS::CloudFront::CachePolicy');
    expect(policy.Properties.CachePolicyConfig).toMatchObject({
      MinTTL: 0,
      DefaultTTL: 0,
      MaxTTL: 60,
      ParametersInCacheKeyAndForwardedToOrigin: {
        QueryStringsConfig: { QueryStringBehavior: 'all' },
        CookiesConfig: { CookieBehavior: 'none' },
        HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Authorization'] },
        EnableAcceptEncodingGzip: true,
        EnableAcceptEncodingBrotli: true,
      },
    });
  });

  it('forwards every other viewer header but Host (AllViewerExceptHostHeader), since Authorization travels in the cache key', () => {
    expect(config.DefaultCacheBehavior.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
  });

  it('never keeps an error on its own: every status CloudFront would cache for 10 s is left to the API, at 0', () => {
    const statuses = (config.CustomErrorResponses as { ErrorCode: number; ErrorCachingMinTTL: number }[]).map(
      ({ ErrorCode, ErrorCachingMinTTL }) => [ErrorCode, ErrorCachingMinTTL],
    );

    expect(statuses).toEqual([400, 403, 404, 405, 414, 500, 501, 502, 503, 504].map((status) => [status, 0]));
    expect(JSON.stringify(config.CustomErrorResponses)).not.toContain('ResponsePagePath');
  });

  it("adds the API's CORS rules at the edge, to cached answers too", () => {
    const [, policy] = resourceOf(config.DefaultCacheBehavior.ResponseHeadersPolicyId);

    expect(policy.Properties.ResponseHeadersPolicyConfig).toMatchObject({
      CorsConfig: {
        AccessControlAllowCredentials: false,
        AccessControlAllowOrigins: { Items: ['*'] },
        AccessControlAllowHeaders: { Items: ['authorization', 'content-type', 'idempotency-key'] },
        OriginOverride: true,
      },
    });
  });

  it("is the stage's ApiCdnUrl output", () => {
    expect(template.toJSON().Outputs.ApiCdnUrl.Value).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]],
    });
  });
});
