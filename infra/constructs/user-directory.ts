import { Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { StageSettings } from './stage.ts';

/** The roles of the contract; a token carries them in `cognito:groups`. */
const roleGroups = ['admin', 'officer', 'facilitator', 'participant', 'buyer'] as const;

/** The scoping claims of the contract (`custom:groupId`, `custom:participantId`). */
const scopingAttributes = ['groupId', 'participantId'] as const;

/** Cognito issues the tokens the HTTP API's JWT authorizer checks. */
export class UserDirectory extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** what the JWT authorizer compares the token's `iss` with */
  readonly issuerUrl: string;

  constructor(scope: Construct, id: string, settings: StageSettings) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      // Accounts are provisioned (officers register participants, admins add staff), never self-made.
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      customAttributes: Object.fromEntries(scopingAttributes.map((name) => [name, new StringAttribute({ mutable: true })])),
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // TOTP only: SMS MFA would need an SNS role with sns:Publish on '*'.
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: settings.deletionProtection,
      removalPolicy: settings.removalPolicy,
    });
    for (const role of roleGroups) {
      this.userPool.addGroup(`Group-${role}`, { groupName: role, description: `PAS Kreatif role ${role}` });
    }
    this.client = this.userPool.addClient('WebClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(...scopingAttributes),
      // The scoping attributes decide whose private data a token may read: only admins may set them (AdminUpdateUserAttributes).
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
    const stack = Stack.of(this);
    this.issuerUrl = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;

    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional (TOTP): many participants (klien pemasyarakatan) and buyers have no authenticator app; Cognito cannot require MFA per group, so staff enrol TOTP by policy.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus plan (threat protection) is billed per monthly active user, too much for a community programme; the pool has no self sign-up and a strong password policy, and this is revisited if accounts are attacked.',
      },
    );
  }
}
