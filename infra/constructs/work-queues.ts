import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type FunctionDeclaration, limitsOf, maxReceiveCount, type QueueName, type Trigger } from '#shared/kernel/declaration';
import { toConstructId } from './construct-id.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';

export interface WorkQueue {
  queue: Queue;
  deadLetters: DeadLetterQueue;
}

export interface WorkQueuesProps {
  declarations: readonly FunctionDeclaration[];
  alarmTopic: ITopic;
}

/** Lambda's advice for a queue event source: a visibility timeout of six times the function's timeout. */
const visibilityFactor = 6;
/** Messages waiting to be consumed for this long, in this number, mean the consumer is failing or throttled. */
const backlogThreshold = 500;

/**
 * One work queue per queue trigger, with its dead-letter queue, built before the contexts so that any function can
 * be granted to send to a queue another context consumes.
 */
export class WorkQueues extends Construct {
  readonly queues: ReadonlyMap<QueueName, WorkQueue>;

  constructor(scope: Construct, id: string, { declarations, alarmTopic }: WorkQueuesProps) {
    super(scope, id);
    const queues = new Map<QueueName, WorkQueue>();
    for (const declaration of declarations) {
      const { trigger } = declaration;
      if (trigger.kind !== 'queue') continue;
      if (queues.has(trigger.queue)) throw new Error(`Queue ${trigger.queue} has two consumers; a work queue has exactly one`);
      queues.set(trigger.queue, this.build(declaration as FunctionDeclaration<Extract<Trigger, { kind: 'queue' }>>, alarmTopic));
    }
    this.queues = queues;
  }

  private build(declaration: FunctionDeclaration<Extract<Trigger, { kind: 'queue' }>>, alarmTopic: ITopic): WorkQueue {
    const name = declaration.trigger.queue;
    const scope = new Construct(this, toConstructId(name));
    const deadLetters = new DeadLetterQueue(scope, 'DeadLetters', { source: `the ${name} queue (${declaration.name})`, alarmTopic });
    const queue = new Queue(scope, 'Queue', {
      // SQS-managed keys: EventBridge cannot send to a queue encrypted with the AWS-managed KMS key.
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(visibilityFactor * limitsOf(declaration).timeoutSeconds),
      deadLetterQueue: { queue: deadLetters.queue, maxReceiveCount },
    });
    const backlog = new Alarm(scope, 'BacklogAlarm', {
      alarmDescription: `More than ${backlogThreshold} messages have waited in the ${name} queue for 15 minutes: ${declaration.name} is failing or throttled`,
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Minimum' }),
      threshold: backlogThreshold,
      evaluationPeriods: 3,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    backlog.addAlarmAction(new SnsAction(alarmTopic));
    return { queue, deadLetters };
  }
}
