import { Duration, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { StageSettings } from './stage.ts';

/** Product images: browsers upload with presigned URLs, the image processor publishes the checked renditions. */
export class ImagesBucket extends Construct {
  readonly bucket: Bucket;

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
  }
}
