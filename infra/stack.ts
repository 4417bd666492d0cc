import { ArnFormat, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { ContextName, FunctionDeclaration } from '#shared/kernel/declaration';
import { declarations } from '#functions/declarations';
import { ApiCdn } from './constructs/api-cdn.ts';
import { BoundedContext } from './constructs/bounded-context.ts';
import { toConstructId } from './constructs/construct-id.ts';
import { CursorSigningKey } from './constructs/cursor-signing-key.ts';
import { DataTable } from './constructs/data-table.ts';
import { ImagesBucket } from './constructs/images-bucket.ts';
import { OperationsDashboard } from './constructs/operations-dashboard.ts';
import { PlatformApi } from './constructs/platform-api.ts';
import { PlatformBus } from './constructs/platform-bus.ts';
import type { PlatformResources } from './constructs/platform-resources.ts';
import { type Stage, type StageSettings, buildStageSettings } from './constructs/stage.ts';
import { UserDirectory } from './constructs/user-directory.ts';
import { WorkQueues } from './constructs/work-queues.ts';

export interface PasKreatifStackProps extends StackProps {
  stage: Stage;
  /** defaults to every declared function; tests pass their own */
  declarations?: readonly FunctionDeclaration[];
}

/** The shared resources, then one nested stack per bounded context built from the function declarations. */
export class PasKreatifStack extends Stack {
  constructor(scope: Construct, id: string, props: PasKreatifStackProps) {
    super(scope, id, props);
    const settings = this.withContextOverrides(buildStageSettings(props.stage));
    const data = new DataTable(this, 'Data', settings);
    const { bus } = new PlatformBus(this, 'Events', settings);
    const images = new ImagesBucket(this, 'Images', settings);
    const users = new UserDirectory(this, 'Users', settings);
    const api = new PlatformApi(this, 'Api', { settings, users });
    const apiCdn = new ApiCdn(this, 'ApiCdn', { api: api.api, settings });
    const cursorKey = new CursorSigningKey(this, 'CursorSigningKey', settings);
    // No KMS key: a notification names the failing function or queue, never the data it was processing,
    // and CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key.
    const alarmTopic = new Topic(this, 'Alarms', { displayName: `PAS Kreatif ${settings.stage} alarms`, enforceSSL: true });

    const all = props.declarations ?? declarations;
    const { queues } = new WorkQueues(this, 'Queues', { declarations: all, alarmTopic });

    const platform: PlatformResources = {
      settings,
      data,
      bus,
      images: images.bucket,
      imagesBaseUrl: images.publicBaseUrl,
      api,
      alarmTopic,
      cursorSigningKey: cursorKey.environmentValue,
      midtransServerKey: this.midtransServerKeyParameter(settings.stage),
      queues,
    };
    for (const [context, members] of groupByContext(all)) {
      new BoundedContext(this, toConstructId(context), { context, declarations: members, platform });
    }
    // Last, so that every alarm of the stage, in the root and in each context's nested stack, is on the dashboard.
    const alarms = this.node.findAll().filter((construct): construct is Alarm => construct instanceof Alarm);
    new OperationsDashboard(this, 'Operations', { settings, api, alarmTopic, alarms });

    new CfnOutput(this, 'ApiUrl', { value: api.stage.url });
    new CfnOutput(this, 'ApiCdnUrl', { value: apiCdn.url, description: 'The API behind CloudFront: what frontends call' });
    new CfnOutput(this, 'UserPoolId', { value: users.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: users.client.userPoolClientId });
    new CfnOutput(this, 'EventBusName', { value: bus.eventBusName });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'ImagesUrl', { value: images.publicBaseUrl });
  }

  /**
   * CDK context `midtransApiUrl` points a stage at another Midtrans API (a sandbox for a prod-like rehearsal, a
   * recording proxy); https only, since the call carries the server key.
   */
  private withContextOverrides(settings: StageSettings): StageSettings {
    const apiUrl: unknown = this.node.tryGetContext('midtransApiUrl');
    if (apiUrl === undefined || apiUrl === '') return settings;
    if (typeof apiUrl !== 'string' || !URL.canParse(apiUrl) || new URL(apiUrl).protocol !== 'https:')
      throw new Error(`midtransApiUrl must be an https URL such as ${settings.midtransApiUrl}`);
    return { ...settings, midtransApiUrl: apiUrl.replace(/\/+$/, '') };
  }

  /**
   * Named by CDK context `midtransServerKeyParameter`, default `/pas-kreatif/<stage>/midtrans-server-key`. The operator
   * puts it as a SecureString before the first payment arrives: CloudFormation cannot create SecureStrings, and a
   * key in the template would be readable by anyone who can read the stack.
   */
  private midtransServerKeyParameter(stage: string): PlatformResources['midtransServerKey'] {
    const context: unknown = this.node.tryGetContext('midtransServerKeyParameter');
    const parameterName = typeof context === 'string' && context !== '' ? context : `/pas-kreatif/${stage}/midtrans-server-key`;
    if (!/^\/[\w.\-/]+$/.test(parameterName) || parameterName.includes('//'))
      throw new Error(`midtransServerKeyParameter must be a full SSM parameter path such as /pas-kreatif/${stage}/midtrans-server-key`);
    const parameterArn = this.formatArn({
      service: 'ssm',
      resource: 'parameter',
      // A path parameter's ARN is …:parameter/<path without its leading slash>.
      resourceName: parameterName.slice(1),
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    return { parameterName, parameterArn };
  }
}

function groupByContext(all: readonly FunctionDeclaration[]): Map<ContextName, FunctionDeclaration[]> {
  const groups = new Map<ContextName, FunctionDeclaration[]>();
  for (const declaration of all) {
    groups.set(declaration.context, [...(groups.get(declaration.context) ?? []), declaration]);
  }
  return groups;
}
