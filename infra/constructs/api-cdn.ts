import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CachedMethods,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Construct } from 'constructs';
import { corsRules } from '#infra/cors';
import { maxPublicMaxAgeSeconds } from '#shared/kernel/http/cache-control';
import type { StageSettings } from './stage.ts';

/**
 * The error statuses CloudFront caches on its own for 10 s, whatever the origin says (it honours no-store only on
 * 404, 410, 414 and 501). At 0 the origin's Cache-Control decides alone: a 503 or a signed-in caller's 403 is never
 * kept, and an anonymous 404's `max-age` is (CloudFront keeps an error for the longer of the two).
 */
export const errorStatusesCloudFrontCaches = [400, 403, 404, 405, 414, 500, 501, 502, 503, 504] as const;

/**
 * CloudFront in front of the HTTP API, so that a crowd reading the catalogue is answered by the edge, not by Lambda.
 * What may be kept, and for how long, is the origin's Cache-Control (shared/kernel/http/cache-control.ts): this
 * only keys the cache and bounds it. Authorization is part of the cache key, the one way CloudFront forwards it at
 * all (an origin request policy may not), so a request with a token never meets an anonymous entry; and the API
 * answers every request with a token no-store, so no entry is ever made under a token (docs/decisions.md).
 */
export class ApiCdn extends Construct {
  readonly distribution: Distribution;
  readonly url: string;

  constructor(scope: Construct, id: string, { api, settings }: { api: HttpApi; settings: StageSettings }) {
    super(scope, id);
    const stack = Stack.of(this);
    const cachePolicy = new CachePolicy(this, 'AnswersByPathAndQuery', {
      comment: `PAS Kreatif ${settings.stage}: path, every query string and Authorization; TTLs from the API's Cache-Control`,
      minTtl: Duration.seconds(0),
      // An answer that names no lifetime is not kept: only what the API declares shareable is.
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(maxPublicMaxAgeSeconds),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      headerBehavior: CacheHeaderBehavior.allowList('Authorization'),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    // API Gateway adds CORS headers only when a request carries an Origin, so a kept answer fetched without one would
    // reach a browser without them; the edge adds them to every answer instead, by the API's own rules.
    const cors = new ResponseHeadersPolicy(this, 'Cors', {
      comment: `PAS Kreatif ${settings.stage}: the API's CORS rules, added at the edge to cached answers too`,
      corsBehavior: {
        accessControlAllowCredentials: false,
        accessControlAllowOrigins: [...corsRules.allowOrigins],
        accessControlAllowMethods: [...corsRules.allowMethods],
        accessControlAllowHeaders: [...corsRules.allowHeaders],
        accessControlMaxAge: Duration.seconds(corsRules.maxAgeSeconds),
        originOverride: true,
      },
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `PAS Kreatif ${settings.stage} API (anonymous public reads cached)`,
      defaultBehavior: {
        origin: new HttpOrigin(`${api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachedMethods: CachedMethods.CACHE_GET_HEAD,
        cachePolicy,
        // Every other header (content-type, Idempotency-Key, Origin…) goes to the API as sent; Host must not, or API
        // Gateway cannot tell which API is meant.
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: cors,
      },
      errorResponses: errorStatusesCloudFrontCaches.map((httpStatus) => ({ httpStatus, ttl: Duration.seconds(0) })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Includes the edge locations in Indonesia, where the buyers are.
      priceClass: PriceClass.PRICE_CLASS_200,
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
    this.acknowledgeFindings();
  }

  private acknowledgeFindings(): void {
    const findings: [string, string][] = [
      ['AwsSolutions-CFR1', 'The catalogue and the API are for buyers and partners anywhere; there is no country to keep them from.'],
      [
        'AwsSolutions-CFR2',
        'Writes are guarded by the stage throttle (100/s, burst 200 per route), idempotency keys and the JWT authorizer behind this distribution; a WAF web ACL (~USD 5+/month plus requests) can be added when abuse is seen.',
      ],
      [
        'AwsSolutions-CFR3',
        "Every request that reaches the API (each write and each cache miss) is in the stage's access log; what the edge answers from its cache is public catalogue reads, seen in CloudFront's metrics (requests, hit rate, errors).",
      ],
      [
        'AwsSolutions-CFR4',
        'The default *.cloudfront.net certificate is used until the project has its own domain; viewers must use HTTPS, and the default certificate negotiates TLS 1.2+ with current clients.',
      ],
    ];
    for (const [id, reason] of findings) Validations.of(this.distribution).acknowledge({ id, reason });
  }
}
