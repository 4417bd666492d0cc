import { Annotations, Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  PriceClass,
  S3OriginAccessControl,
  Signing,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { StageSettings } from './stage.ts';

/** The only prefix the CDN can reach: what the image processor published. Raw uploads are never served. */
const publishedPrefix = 'images';

/** Product images: browsers upload with presigned URLs, the image processor publishes the checked renditions. */
export class ImagesBucket extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** https://<distribution domain>: a rendition's key below images/ is its path here */
  readonly publicBaseUrl: string;

  constructor(scope: Construct, id: string, settings: StageSettings) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      removalPolicy: settings.removalPolicy,
      // Presigned uploads come straight from the frontends, which authenticate with bearer tokens, not cookies.
      cors: [{ allowedMethods: [HttpMethods.PUT, HttpMethods.POST], allowedOrigins: ['*'], allowedHeaders: ['*'], maxAge: 3600 }],
      lifecycleRules: [
        // Raw uploads may still carry EXIF/GPS data: once processed (or abandoned) they must not linger.
        { id: 'expire-raw-uploads', prefix: 'uploads/', expiration: Duration.days(1) },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Server access logs would need a second bucket (itself flagged by S1) to record little beyond presigned PUTs and processor reads; if object-level auditing is required, CloudTrail S3 data events provide it per account.',
    });

    this.distribution = this.buildDistribution();
    this.publicBaseUrl = `https://${this.distribution.distributionDomainName}`;
  }

  /**
   * CloudFront with Origin Access Control, rooted at images/ (origin path), and a bucket policy that lets this
   * distribution read images/* only: even a crafted path cannot reach an original upload.
   */
  private buildDistribution(): Distribution {
    const originAccess = new S3OriginAccessControl(this, 'OriginAccess', { signing: Signing.SIGV4_ALWAYS });
    // The origin is given the bucket by reference, so it cannot add its own policy statement (which would open
    // every key, uploads/ included); the statement below opens the published prefix alone.
    const byReference = Bucket.fromBucketAttributes(this, 'OriginBucket', {
      bucketArn: this.bucket.bucketArn,
      bucketRegionalDomainName: this.bucket.bucketRegionalDomainName,
    });
    const distribution = new Distribution(this, 'Cdn', {
      comment: 'PAS Kreatif product images (processed renditions only)',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(byReference, {
          originPath: `/${publishedPrefix}`,
          originAccessControl: originAccess,
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Includes the edge locations in Indonesia, where the buyers are.
      priceClass: PriceClass.PRICE_CLASS_200,
    });
    Annotations.of(distribution).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
      'The bucket policy statement for this distribution is added by ImagesBucket, scoped to images/*.',
    );
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: [this.bucket.arnForObjects(`${publishedPrefix}/*`)],
        conditions: {
          StringEquals: {
            'AWS:SourceArn': Stack.of(this).formatArn({
              service: 'cloudfront',
              region: '',
              resource: 'distribution',
              resourceName: distribution.distributionId,
            }),
          },
        },
      }),
    );
    this.acknowledgeFindings(distribution);
    return distribution;
  }

  private acknowledgeFindings(distribution: Distribution): void {
    const findings: [string, string][] = [
      ['AwsSolutions-CFR1', 'Product photos are public catalogue content for buyers anywhere; there is no country to keep them from.'],
      [
        'AwsSolutions-CFR2',
        'The distribution serves immutable, already-public WebP files with GET/HEAD only and no origin logic to attack; a WAF web ACL (~USD 5+/month) would guard nothing that caching does not already absorb.',
      ],
      [
        'AwsSolutions-CFR3',
        'Access logs would need a logging bucket with ACLs enabled, for reads of public images; CloudFront metrics cover traffic and errors.',
      ],
      [
        'AwsSolutions-CFR4',
        'The default *.cloudfront.net certificate is used until the project has its own domain; viewers are redirected to HTTPS, and the default certificate negotiates TLS 1.2+ with current clients.',
      ],
    ];
    for (const [id, reason] of findings) Validations.of(distribution).acknowledge({ id, reason });
  }
}
