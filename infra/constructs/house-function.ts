import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Names, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsLogLevel,
  ParamsAndSecretsVersions,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { lambdaBundling, lambdaNodeModulesTarget } from '#infra/bundling';
import { type FunctionDeclaration, handlerEntry, limitsOf } from '#shared/kernel/declaration';
import { EnvName } from '#shared/kernel/env';
import { buildGrantEnvironment, buildGrantStatements, buildTokenEnvironment } from './function-grants.ts';
import type { PlatformResources } from './platform-resources.ts';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The AWS Parameters and Secrets Lambda Extension, for functions that read the Midtrans server key: it reads and
 * decrypts the parameter with the function's own role (its ssm:GetParameter grant) and serves it on localhost, so
 * the bundle needs no SSM client. Cached 5 minutes: a rotated key reaches every container within that, without a deploy.
 */
const serverKeyExtension = ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, {
  parameterStoreTtl: Duration.minutes(5),
  parameterStoreTimeout: Duration.seconds(2),
  logLevel: ParamsAndSecretsLogLevel.WARN,
});

export interface HouseFunctionProps {
  declaration: FunctionDeclaration;
  platform: PlatformResources;
  /** for asynchronous invocations: where Lambda parks an event the handler failed on after its retries */
  deadLetterQueue?: IQueue;
}

/**
 * Every function of the platform is built here, the same way: Node 22 on arm64, ESM bundled with the SDK,
 * traced, logging to its own group, alarmed on errors, and a role holding only what its declaration grants.
 */
export class HouseFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;

  constructor(scope: Construct, id: string, { declaration, platform, deadLetterQueue }: HouseFunctionProps) {
    super(scope, id);
    const { settings } = platform;
    const limits = limitsOf(declaration);
    const logGroup = new LogGroup(this, 'Logs', { retention: settings.logRetention, removalPolicy: settings.removalPolicy });

    // An explicit role: the default one would attach the AWSLambdaBasicExecutionRole managed policy.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${declaration.name}: its own logs, X-Ray, and only the grants its declaration names`,
    });
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
    );
    for (const statement of buildGrantStatements(declaration.grants, platform)) this.role.addToPrincipalPolicy(statement);

    this.function = new NodejsFunction(this, 'Function', {
      entry: join(repositoryRoot, handlerEntry(declaration)),
      handler: 'handler',
      projectRoot: repositoryRoot,
      depsLockFilePath: join(repositoryRoot, 'package-lock.json'),
      description: declaration.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      timeout: Duration.seconds(limits.timeoutSeconds),
      memorySize: limits.memoryMb,
      tracing: Tracing.ACTIVE,
      logGroup,
      role: this.role,
      deadLetterQueue,
      ...(declaration.grants.midtransServerKey ? { paramsAndSecrets: serverKeyExtension } : {}),
      environment: {
        [EnvName.stage]: settings.stage,
        POWERTOOLS_SERVICE_NAME: declaration.name,
        NODE_OPTIONS: '--enable-source-maps',
        ...buildGrantEnvironment(declaration.grants, platform),
        ...buildTokenEnvironment(declaration, platform),
      },
      bundling: {
        format: OutputFormat.ESM,
        target: lambdaBundling.target,
        mainFields: [...lambdaBundling.mainFields],
        minify: lambdaBundling.minify,
        banner: lambdaBundling.banner,
        esbuildArgs: Object.fromEntries(Object.entries(lambdaBundling.alias).map(([from, to]) => [`--alias:${from}`, to])),
        sourceMap: true,
        // Stack traces only need file and line; embedding the sources would double the asset.
        sourcesContent: false,
        // Bundled and tree-shaken, the SDK cold-starts faster than the runtime's copy (measured in DESIGN.md).
        bundleAwsSDK: true,
        // Left out of the bundle and installed beside it for linux-arm64 (sharp's way for Lambda).
        ...(declaration.nodeModules ? { nodeModules: [...declaration.nodeModules], environment: { ...lambdaNodeModulesTarget } } : {}),
      },
    });

    const errors = new Alarm(this, 'ErrorsAlarm', {
      alarmDescription: `${declaration.name} threw or timed out`,
      metric: this.function.metricErrors({ period: Duration.minutes(1), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    errors.addAlarmAction(new SnsAction(platform.alarmTopic));

    this.acknowledgeFindings(declaration, platform);
  }

  private acknowledgeFindings(declaration: FunctionDeclaration, platform: PlatformResources): void {
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions.',
    });
    const { read = [], write = [] } = declaration.grants.bucket ?? {};
    for (const prefix of new Set([...read, ...write])) {
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${bucketArnParameter(platform.images)}/${prefix}*]`,
        reason: `${declaration.name} reads or writes image objects, whose keys are created at run time; the grant is limited to the images bucket's ${prefix} prefix.`,
      });
    }
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'DESIGN.md fixes nodejs22.x on arm64, the runtime the bundles target (esbuild target node22) and were measured on; nodejs24.x is a separate, deliberate upgrade.',
    });
  }
}

/**
 * The bucket's ARN as cdk-nag prints it in a function's policy. Functions live in their context's nested stack and
 * the bucket in the root, so CDK passes the ARN in as a parameter, named `reference-to-<the bucket's unique id>Arn`
 * (alphanumerics only); the cdk-nag tests fail if CDK ever names it otherwise.
 */
function bucketArnParameter(images: IBucket): string {
  return `<referenceto${Names.nodeUniqueId((images.node.defaultChild as CfnBucket).node)}Arn>`;
}
