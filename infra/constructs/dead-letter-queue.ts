import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface DeadLetterQueueProps {
  /** what fails into this queue, for the alarm's description */
  source: string;
  alarmTopic: ITopic;
}

/** Where an asynchronous trigger parks what it could not process, with an alarm as soon as anything lands. */
export class DeadLetterQueue extends Construct {
  readonly queue: Queue;

  constructor(scope: Construct, id: string, { source, alarmTopic }: DeadLetterQueueProps) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      // SQS-managed keys: EventBridge cannot send to a queue encrypted with the AWS-managed KMS key.
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The longest SQS allows, so a failure found after a long weekend can still be inspected and redriven.
      retentionPeriod: Duration.days(14),
    });
    const depth = new Alarm(this, 'DepthAlarm', {
      alarmDescription: `Messages are waiting in the dead-letter queue of ${source}`,
      metric: this.queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    depth.addAlarmAction(new SnsAction(alarmTopic));
  }
}
