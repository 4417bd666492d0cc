import { Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { StageSettings } from './stage.ts';

/** The HMAC key that makes list cursors opaque and tamper-evident. */
export class CursorSigningKey extends Construct {
  readonly secret: Secret;
  /**
   * A `{{resolve:secretsmanager:…}}` dynamic reference, not the key: CloudFormation resolves it at deploy
   * time into the function's (KMS-encrypted) environment, so the key never appears in the template or the
   * cloud assembly, and handlers need neither a Secrets Manager call on the request path nor an IAM grant.
   * The price is that a new key reaches functions only on the next deploy, which suits a key whose
   * leak would only let someone forge a position inside a list they are already allowed to read.
   */
  readonly environmentValue: string;

  constructor(scope: Construct, id: string, settings: StageSettings) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: `PAS Kreatif ${settings.stage}: HMAC key signing list cursors`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: settings.removalPolicy,
    });
    this.environmentValue = this.secret.secretValue.unsafeUnwrap();
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Functions receive the key at deploy time (dynamic reference), so automatic rotation would not reach them until a redeploy and would break every cursor in flight; rotate by updating the secret and deploying.',
    });
  }
}
