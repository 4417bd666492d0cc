import { Duration, NestedStack, Stack, Validations } from 'aws-cdk-lib';
import { Rule, Schedule, type EventPattern } from 'aws-cdk-lib/aws-events';
import { LambdaFunction, SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { Construct } from 'constructs';
import type { ContextName, FunctionDeclaration, Trigger } from '#shared/kernel/declaration';
import { toConstructId } from './construct-id.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import { HouseFunction } from './house-function.ts';
import type { PlatformResources } from './platform-resources.ts';

export interface BoundedContextProps {
  context: ContextName;
  /** the declarations of that context */
  declarations: readonly FunctionDeclaration[];
  platform: PlatformResources;
}

type Wired<K extends Trigger['kind']> = { declaration: FunctionDeclaration<Extract<Trigger, { kind: K }>>; id: string };

/**
 * One context's functions, each wired to the trigger it declares: nothing here is specific to a function. A nested
 * stack of its own, so that each context's resources count against its own template's 500 and the root keeps only
 * the shared ones; CDK passes what it uses of them in as parameters.
 */
export class BoundedContext extends NestedStack {
  private readonly platform: PlatformResources;

  constructor(scope: Construct, id: string, { context, declarations, platform }: BoundedContextProps) {
    super(scope, id, { description: `PAS Kreatif ${platform.settings.stage}: the ${context} context` });
    this.platform = platform;
    for (const declaration of declarations) this.wire(declaration, toConstructId(declaration.name));
  }

  private wire(declaration: FunctionDeclaration, id: string): void {
    const { trigger } = declaration;
    switch (trigger.kind) {
      case 'http':
        return this.wireHttp({ declaration: { ...declaration, trigger }, id });
      case 'event':
        return this.wireEvent({ declaration: { ...declaration, trigger }, id });
      case 'tableStream':
        return this.wireTableStream({ declaration: { ...declaration, trigger }, id });
      case 'objectCreated':
        return this.wireObjectCreated({ declaration: { ...declaration, trigger }, id });
      case 'queue':
        return this.wireQueue({ declaration: { ...declaration, trigger }, id });
      case 'schedule':
        return this.wireSchedule({ declaration: { ...declaration, trigger }, id });
      default: {
        // A new trigger kind fails the typecheck here until the cloud knows how to wire it.
        const unhandled: never = trigger;
        throw new Error(`No wiring for trigger ${JSON.stringify(unhandled)}`);
      }
    }
  }

  private wireHttp({ declaration, id }: Wired<'http'>): void {
    const fn = new HouseFunction(this, id, { declaration, platform: this.platform });
    this.platform.api.addRoute(this, id, declaration.trigger.route, fn.function);
  }

  /**
   * EventBridge invokes asynchronously: the rule's DLQ takes events it could not deliver, the function's DLQ
   * (the same queue) takes events the handler kept failing on. Consumers are idempotent, so retries are safe.
   */
  private wireEvent({ declaration, id }: Wired<'event'>): void {
    const dlq = new DeadLetterQueue(this, `${id}DeadLetters`, {
      source: `${declaration.name} (event rule)`,
      alarmTopic: this.platform.alarmTopic,
    });
    const fn = new HouseFunction(this, id, { declaration, platform: this.platform, deadLetterQueue: dlq.queue });
    new Rule(this, `${id}Rule`, {
      description: `Delivers to ${declaration.name}: ${declaration.description}`,
      eventBus: this.platform.bus,
      // The L2 copies top-level keys as given (only a camelCase `detailType` would be renamed), so the
      // declared raw pattern, `detail-type` included, reaches the template unchanged; the infra tests check it.
      eventPattern: declaration.trigger.pattern as EventPattern,
      targets: [
        new LambdaFunction(fn.function, {
          deadLetterQueue: dlq.queue,
          retryAttempts: 8,
          maxEventAge: Duration.hours(6),
        }),
      ],
    });
  }

  /**
   * A scheduled rule (on the account's default bus, where EventBridge puts scheduled events) invokes the function
   * asynchronously, as an event rule does, with the same dead-letter queue for invocations the rule could not make and
   * for runs the handler kept failing. An invocation older than one interval is dropped: the next run does its work.
   */
  private wireSchedule({ declaration, id }: Wired<'schedule'>): void {
    const { everyMinutes } = declaration.trigger;
    const dlq = new DeadLetterQueue(this, `${id}DeadLetters`, {
      source: `${declaration.name} (schedule)`,
      alarmTopic: this.platform.alarmTopic,
    });
    const fn = new HouseFunction(this, id, { declaration, platform: this.platform, deadLetterQueue: dlq.queue });
    fn.function.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.minutes(everyMinutes) });
    new Rule(this, `${id}Schedule`, {
      description: `Runs ${declaration.name} every ${everyMinutes} minutes: ${declaration.description}`,
      schedule: Schedule.rate(Duration.minutes(everyMinutes)),
      targets: [
        new LambdaFunction(fn.function, { deadLetterQueue: dlq.queue, retryAttempts: 2, maxEventAge: Duration.minutes(everyMinutes) }),
      ],
    });
  }

  /**
   * S3 invokes asynchronously, like an event rule: Lambda retries a failing event twice, then parks it in the
   * function's dead-letter queue, which alarms. The processor is idempotent, so a retry or S3's own duplicate
   * delivery changes nothing.
   */
  private wireObjectCreated({ declaration, id }: Wired<'objectCreated'>): void {
    const dlq = new DeadLetterQueue(this, `${id}DeadLetters`, {
      source: `${declaration.name} (images bucket notification)`,
      alarmTopic: this.platform.alarmTopic,
    });
    const fn = new HouseFunction(this, id, { declaration, platform: this.platform, deadLetterQueue: dlq.queue });
    fn.function.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(6) });
    this.platform.images.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn.function), {
      prefix: declaration.trigger.prefix,
    });
    this.acknowledgeNotificationsHandler();
  }

  /**
   * CDK's own function that writes the bucket's notification configuration at deploy time: one per stack, in the
   * bucket's stack (the root), which is also where the notification and S3's invoke permission are.
   */
  private acknowledgeNotificationsHandler(): void {
    const handler = Stack.of(this.platform.images).node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
    if (handler === undefined) throw new Error("CDK's bucket-notifications handler is not in the images bucket's stack");
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "CDK's bucket-notifications custom resource handler always attaches AWSLambdaBasicExecutionRole (logs only); its other grant is s3:PutBucketNotification on the images bucket alone. It runs only during deployments.",
    });
  }

  /**
   * Records that keep failing are split until the bad one is isolated, then reported to the failure queue.
   * Records older than 6 h are given up on well inside the stream's 24 h retention, so the failure
   * destination's shard and sequence numbers still point at readable records when someone looks.
   */
  private wireTableStream({ declaration, id }: Wired<'tableStream'>): void {
    const failures = new DeadLetterQueue(this, `${id}Failures`, {
      source: `${declaration.name} (table stream)`,
      alarmTopic: this.platform.alarmTopic,
    });
    Validations.of(failures.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is itself the on-failure destination of the ${declaration.name} stream mapping; cdk-nag only recognises SQS redrive and Lambda DLQs.`,
    });
    const fn = new HouseFunction(this, id, { declaration, platform: this.platform });
    // Granted here rather than through DynamoEventSource, which would add dynamodb:ListStreams on '*'.
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
        resources: [this.platform.data.streamArn],
      }),
    );
    fn.function.addEventSourceMapping('TableStream', {
      eventSourceArn: this.platform.data.streamArn,
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: declaration.trigger.batchSize,
      filters: [FilterCriteria.filter(declaration.trigger.filter)],
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      retryAttempts: 10,
      maxRecordAge: Duration.hours(6),
      onFailure: new SqsDlq(failures.queue),
    });
  }

  /**
   * The function consumes its work queue (built by WorkQueues) in batches and reports the messages that failed, which
   * SQS redelivers after the visibility timeout and, after maxReceiveCount receives, moves to the dead-letter queue.
   * Each declared feed pattern is a rule on the platform bus whose events become the queue's messages; an event the
   * rule cannot put on the queue goes to the same dead-letter queue.
   */
  private wireQueue({ declaration, id }: Wired<'queue'>): void {
    const { trigger } = declaration;
    const work = this.platform.queues.get(trigger.queue);
    if (!work) throw new Error(`The ${trigger.queue} queue of ${declaration.name} was not built`);
    const fn = new HouseFunction(this, id, { declaration, platform: this.platform });
    // Granted here rather than through SqsEventSource, which would add sqs:GetQueueUrl as well.
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes'],
        resources: [work.queue.queueArn],
      }),
    );
    fn.function.addEventSourceMapping('Queue', {
      eventSourceArn: work.queue.queueArn,
      batchSize: trigger.batchSize,
      reportBatchItemFailures: true,
    });
    (trigger.feed ?? []).forEach((pattern, index) => {
      new Rule(this, `${id}Feed${feedLabel(pattern, index)}`, {
        description: `Feeds the ${trigger.queue} queue of ${declaration.name}`,
        eventBus: this.platform.bus,
        eventPattern: pattern as EventPattern,
        targets: [new SqsQueue(work.queue, { deadLetterQueue: work.deadLetters.queue, retryAttempts: 8, maxEventAge: Duration.hours(6) })],
      });
    });
  }
}

/** A feed rule is named by the one detail-type it selects (stable when the list changes), else by its position. */
function feedLabel(pattern: Record<string, unknown>, index: number): string {
  const types = pattern['detail-type'];
  return Array.isArray(types) && types.length === 1 && typeof types[0] === 'string' ? toConstructId(types[0]) : String(index + 1);
}
