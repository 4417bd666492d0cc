import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { QueueName } from '#shared/kernel/declaration';
import type { DataTable } from './data-table.ts';
import type { PlatformApi } from './platform-api.ts';
import type { StageSettings } from './stage.ts';
import type { WorkQueue } from './work-queues.ts';

/** The shared resources a bounded context wires its functions to. */
export interface PlatformResources {
  settings: StageSettings;
  data: DataTable;
  bus: IEventBus;
  images: IBucket;
  /** where processed images are served: the CDN in front of the bucket's images/ prefix */
  imagesBaseUrl: string;
  api: PlatformApi;
  alarmTopic: ITopic;
  /** a CloudFormation dynamic reference, resolved at deploy time (see CursorSigningKey) */
  cursorSigningKey: string;
  /** the SSM SecureString the operator puts the Midtrans server key in (CDK cannot create SecureStrings) */
  midtransServerKey: { parameterName: string; parameterArn: string };
  /** the work queues of the queue triggers, by name */
  queues: ReadonlyMap<QueueName, WorkQueue>;
}
