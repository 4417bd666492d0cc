import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import type { FunctionDeclaration, Trigger } from '#shared/kernel/declaration';
import type { StackTemplates } from './stack-templates.ts';
import { functionsByName, referencedId, resourcesOfType, type Resource } from './template-lookup.ts';

type Of<K extends Trigger['kind']> = FunctionDeclaration<Extract<Trigger, { kind: K }>>;

const fourteenDays = 14 * 24 * 60 * 60;

/**
 * Each declaration's trigger, as deployed: routes, event rules and stream mappings with their dead letters, looked for
 * in the function's context's nested stack; the shared resources they use (table, bus, API, bucket, work queues) are
 * the root's.
 */
export function checkTriggers(declarations: readonly FunctionDeclaration[], templates: StackTemplates): void {
  const { combined: template, root } = templates;
  const resources = template.toJSON().Resources as Record<string, Resource>;
  const inContextOf = (declaration: FunctionDeclaration) => {
    const context = templates.context(declaration.context);
    const found = functionsByName(context).get(declaration.name);
    if (found === undefined) throw new Error(`${declaration.name} is not deployed in the ${declaration.context} nested stack`);
    return { template: context, fnId: found.logicalId };
  };
  const [topicId] = resourcesOfType(root, 'AWS::SNS::Topic').map(([id]) => id);
  const [tableId] = resourcesOfType(root, 'AWS::DynamoDB::Table').map(([id]) => id);
  const [busId] = resourcesOfType(root, 'AWS::Events::EventBus').map(([id]) => id);
  const [authorizerId] = resourcesOfType(root, 'AWS::ApiGatewayV2::Authorizer').map(([id]) => id);
  const routes = resourcesOfType(template, 'AWS::ApiGatewayV2::Route');
  const rules = resourcesOfType(template, 'AWS::Events::Rule');
  const mappings = resourcesOfType(template, 'AWS::Lambda::EventSourceMapping');

  const http = declarations.filter((declaration): declaration is Of<'http'> => declaration.trigger.kind === 'http');
  const events = declarations.filter((declaration): declaration is Of<'event'> => declaration.trigger.kind === 'event');
  const streams = declarations.filter((declaration): declaration is Of<'tableStream'> => declaration.trigger.kind === 'tableStream');
  const uploads = declarations.filter((declaration): declaration is Of<'objectCreated'> => declaration.trigger.kind === 'objectCreated');
  const consumers = declarations.filter((declaration): declaration is Of<'queue'> => declaration.trigger.kind === 'queue');
  const schedules = declarations.filter((declaration): declaration is Of<'schedule'> => declaration.trigger.kind === 'schedule');
  const feeds = consumers.flatMap((declaration) => declaration.trigger.feed ?? []);
  const [bucketId] = resourcesOfType(root, 'AWS::S3::Bucket').map(([id]) => id);
  const notifications = resourcesOfType(root, 'Custom::S3BucketNotifications');

  /** `where` is the stack the queue should be in: the function's nested stack, or the root for a work queue's. */
  const checkDeadLetterQueue = (queueId: string, where: Template) => {
    expect(where.toJSON().Resources[queueId]?.Properties).toMatchObject({
      MessageRetentionPeriod: fourteenDays,
      SqsManagedSseEnabled: true,
    });
    where.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Deny',
            Action: 'sqs:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Resource: { 'Fn::GetAtt': [queueId, 'Arn'] },
          },
        ]),
      },
    });
    where.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: topicId }],
    });
  };

  describe('HTTP routes', () => {
    it('exist exactly as declared, and no others', () => {
      const deployed = routes.map(([, route]) => route.Properties.RouteKey).sort();

      expect(deployed).toEqual(http.map(({ trigger: { route } }) => `${route.method} ${route.path}`).sort());
    });

    for (const declaration of http) {
      const { route } = declaration.trigger;
      const routeKey = `${route.method} ${route.path}`;
      it(`${routeKey} invokes ${declaration.name} with payload 2.0, ${route.auth === 'jwt' ? 'behind' : 'without'} the JWT authorizer`, () => {
        // Prepare
        const { template: context, fnId } = inContextOf(declaration);
        const [, deployed] =
          resourcesOfType(context, 'AWS::ApiGatewayV2::Route').find(([, candidate]) => candidate.Properties.RouteKey === routeKey) ?? [];
        if (deployed === undefined) throw new Error(`${routeKey} is not deployed in the ${declaration.context} nested stack`);

        // Act: the target is "integrations/<integration id>"
        const [, [, integration]] = (deployed.Properties.Target as { 'Fn::Join': [string, [string, unknown]] })['Fn::Join'];

        // Assert
        expect(context.toJSON().Resources[referencedId(integration)]?.Properties).toMatchObject({
          IntegrationType: 'AWS_PROXY',
          PayloadFormatVersion: '2.0',
          IntegrationUri: { 'Fn::GetAtt': [fnId, 'Arn'] },
        });
        context.hasResourceProperties('AWS::Lambda::Permission', {
          Action: 'lambda:InvokeFunction',
          FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
          Principal: 'apigateway.amazonaws.com',
        });
        if (route.auth === 'jwt') {
          expect(deployed.Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
        } else {
          expect(deployed.Properties.AuthorizationType).toBe('NONE');
          expect(deployed.Properties.AuthorizerId).toBeUndefined();
        }
      });
    }
  });

  describe('event rules', () => {
    it('exist once per event-triggered declaration, once per pattern feeding a queue and once per schedule', () => {
      expect(rules).toHaveLength(events.length + feeds.length + schedules.length);
    });

    for (const declaration of events) {
      it(`${declaration.name}: the rule's pattern is the declared pattern, and failures reach a dead-letter queue`, () => {
        // Prepare
        const { template: context, fnId } = inContextOf(declaration);

        // Act
        const matching = resourcesOfType(context, 'AWS::Events::Rule').filter(([, rule]) =>
          (rule.Properties.Targets as { Arn: unknown }[]).some((target) => referencedId(target.Arn) === fnId),
        );

        // Assert
        expect(matching).toHaveLength(1);
        const [[ruleId, rule]] = matching as [[string, Resource]];
        expect(rule.Properties.EventPattern).toEqual(declaration.trigger.pattern);
        expect(rule.Properties.EventBusName).toEqual({ Ref: busId });
        const [target] = rule.Properties.Targets as { DeadLetterConfig?: { Arn: unknown }; RetryPolicy?: Record<string, number> }[];
        expect(target?.RetryPolicy?.MaximumRetryAttempts).toBeGreaterThan(0);
        expect(target?.RetryPolicy?.MaximumEventAgeInSeconds).toBeGreaterThan(0);
        const queueId = referencedId(target?.DeadLetterConfig?.Arn);
        // The same queue catches what the handler itself fails on, after Lambda's asynchronous retries.
        expect(resources[fnId]?.Properties.DeadLetterConfig).toEqual({ TargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
        checkDeadLetterQueue(queueId, context);
        context.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: queueId }],
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({
                Effect: 'Allow',
                Action: 'sqs:SendMessage',
                Principal: { Service: 'events.amazonaws.com' },
                Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
              }),
            ]),
          },
        });
      });
    }
  });

  describe('scheduled rules', () => {
    for (const declaration of schedules) {
      const { everyMinutes } = declaration.trigger;
      it(`${declaration.name}: runs every ${everyMinutes} minutes on the default bus, retried, with a dead-letter queue`, () => {
        // Prepare
        const { template: context, fnId } = inContextOf(declaration);

        // Act
        const matching = resourcesOfType(context, 'AWS::Events::Rule').filter(([, rule]) =>
          (rule.Properties.Targets as { Arn: unknown }[]).some((target) => referencedId(target.Arn) === fnId),
        );

        // Assert
        expect(matching).toHaveLength(1);
        const [[ruleId, rule]] = matching as [[string, Resource]];
        expect(rule.Properties.ScheduleExpression).toBe(rateExpression(everyMinutes));
        expect(rule.Properties.EventPattern).toBeUndefined();
        // Scheduled rules live on the account's default bus: no EventBusName.
        expect(rule.Properties.EventBusName).toBeUndefined();
        expect(rule.Properties.State).toBe('ENABLED');
        const [target] = rule.Properties.Targets as { DeadLetterConfig?: { Arn: unknown }; RetryPolicy?: Record<string, number> }[];
        expect(target?.RetryPolicy?.MaximumRetryAttempts).toBeGreaterThan(0);
        // A run that could not start within the interval is superseded by the next one.
        expect(target?.RetryPolicy?.MaximumEventAgeInSeconds).toBeLessThanOrEqual(everyMinutes * 60);
        const queueId = referencedId(target?.DeadLetterConfig?.Arn);
        expect(resources[fnId]?.Properties.DeadLetterConfig).toEqual({ TargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
        checkDeadLetterQueue(queueId, context);
        context.hasResourceProperties('AWS::Lambda::Permission', {
          Action: 'lambda:InvokeFunction',
          FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
          Principal: 'events.amazonaws.com',
          SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
        });
      });
    }
  });

  describe('table stream mappings', () => {
    it('exist once per stream-triggered and per queue-triggered declaration', () => {
      expect(mappings).toHaveLength(streams.length + consumers.length);
    });

    for (const declaration of streams) {
      it(`${declaration.name}: filtered as declared, bisecting, reporting partial failures, bounded, with a failure queue`, () => {
        // Prepare
        const { template: context, fnId } = inContextOf(declaration);

        // Act
        const matching = resourcesOfType(context, 'AWS::Lambda::EventSourceMapping').filter(
          ([, mapping]) => referencedId(mapping.Properties.FunctionName) === fnId,
        );

        // Assert
        expect(matching).toHaveLength(1);
        const [[, { Properties: mapping }]] = matching as [[string, Resource]];
        expect(mapping).toMatchObject({
          EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
          StartingPosition: 'TRIM_HORIZON',
          BatchSize: declaration.trigger.batchSize,
          BisectBatchOnFunctionError: true,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
        });
        const filters = (mapping.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
        expect(filters.map((filter) => JSON.parse(filter.Pattern))).toEqual([declaration.trigger.filter]);
        expect(mapping.MaximumRetryAttempts).toBeGreaterThanOrEqual(0);
        expect(mapping.MaximumRetryAttempts).toBeLessThanOrEqual(10);
        expect(mapping.MaximumRecordAgeInSeconds).toBeGreaterThanOrEqual(60);
        expect(mapping.MaximumRecordAgeInSeconds).toBeLessThan(24 * 60 * 60);
        const destination = (mapping.DestinationConfig as { OnFailure: { Destination: unknown } }).OnFailure.Destination;
        checkDeadLetterQueue(referencedId(destination), context);
      });
    }
  });

  describe('images bucket notifications', () => {
    type LambdaConfiguration = {
      Events: string[];
      Filter: { Key: { FilterRules: { Name: string; Value: string }[] } };
      LambdaFunctionArn: unknown;
    };
    const configurations = notifications.flatMap(
      ([, resource]) =>
        (resource.Properties.NotificationConfiguration as { LambdaFunctionConfigurations?: LambdaConfiguration[] })
          .LambdaFunctionConfigurations ?? [],
    );

    it('exist once per object-created declaration, on the images bucket', () => {
      expect(configurations).toHaveLength(uploads.length);
      for (const [, resource] of notifications) expect(resource.Properties.BucketName).toEqual({ Ref: bucketId });
    });

    for (const declaration of uploads) {
      it(`${declaration.name}: invoked on object creation under ${declaration.trigger.prefix}, by S3 from this bucket only, with retries and a dead-letter queue`, () => {
        // Prepare
        const { template: context, fnId } = inContextOf(declaration);

        // Act
        const matching = configurations.filter((configuration) => referencedId(configuration.LambdaFunctionArn) === fnId);

        // Assert
        expect(matching).toEqual([
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: declaration.trigger.prefix }] } },
            LambdaFunctionArn: { 'Fn::GetAtt': [fnId, 'Arn'] },
          },
        ]);
        root.hasResourceProperties('AWS::Lambda::Permission', {
          Action: 'lambda:InvokeFunction',
          FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
          Principal: 's3.amazonaws.com',
          SourceArn: { 'Fn::GetAtt': [bucketId, 'Arn'] },
        });
        context.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
          FunctionName: { Ref: fnId },
          MaximumRetryAttempts: 2,
          MaximumEventAgeInSeconds: Match.anyValue(),
        });
        const queueId = referencedId((resources[fnId]?.Properties.DeadLetterConfig as { TargetArn: unknown }).TargetArn);
        checkDeadLetterQueue(queueId, context);
      });
    }
  });

  describe('work queues', () => {
    const queueMappingOf = (declaration: FunctionDeclaration) => {
      const { template: context, fnId } = inContextOf(declaration);
      const [found] = resourcesOfType(context, 'AWS::Lambda::EventSourceMapping').filter(
        ([, mapping]) => referencedId(mapping.Properties.FunctionName) === fnId,
      );
      if (found === undefined) throw new Error(`${declaration.name} has no event source mapping`);
      return found[1].Properties;
    };

    for (const declaration of consumers) {
      const { queue, batchSize, feed = [] } = declaration.trigger;

      it(`${declaration.name}: consumes ${queue} in batches of ${batchSize}, reporting partial failures, with a dead-letter queue`, () => {
        // Prepare
        const { fnId } = inContextOf(declaration);

        // Act
        const mapping = queueMappingOf(declaration);

        // Assert
        expect(mapping).toMatchObject({ BatchSize: batchSize, FunctionResponseTypes: ['ReportBatchItemFailures'] });
        const queueId = referencedId(mapping.EventSourceArn);
        const queueProperties = resources[queueId]?.Properties as Record<string, unknown>;
        const timeout = resources[fnId]?.Properties.Timeout as number;
        expect(queueProperties).toMatchObject({ SqsManagedSseEnabled: true, VisibilityTimeout: 6 * timeout });
        const redrive = queueProperties.RedrivePolicy as { deadLetterTargetArn: unknown; maxReceiveCount: number };
        expect(redrive.maxReceiveCount).toBeGreaterThan(1);
        checkDeadLetterQueue(referencedId(redrive.deadLetterTargetArn), root);
        root.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: queueId }],
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            ]),
          },
        });
      });

      it(`${declaration.name}: is fed by one rule per declared pattern, which alone may send to the queue`, () => {
        // Prepare
        const queueId = referencedId(queueMappingOf(declaration).EventSourceArn);

        // Act
        const feeding = resourcesOfType(inContextOf(declaration).template, 'AWS::Events::Rule').filter(([, rule]) =>
          (rule.Properties.Targets as { Arn: unknown }[]).some((target) => JSON.stringify(target.Arn).includes(`"${queueId}"`)),
        );

        // Assert
        expect(feeding.map(([, rule]) => rule.Properties.EventPattern)).toEqual(expect.arrayContaining([...feed]));
        expect(feeding).toHaveLength(feed.length);
        for (const [ruleId, rule] of feeding) {
          expect(rule.Properties.EventBusName).toEqual({ Ref: busId });
          const [target] = rule.Properties.Targets as { DeadLetterConfig?: { Arn: unknown } }[];
          checkDeadLetterQueue(referencedId(target?.DeadLetterConfig?.Arn), root);
          root.hasResourceProperties('AWS::SQS::QueuePolicy', {
            Queues: [{ Ref: queueId }],
            PolicyDocument: {
              Statement: Match.arrayWith([
                Match.objectLike({
                  Effect: 'Allow',
                  Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
                  Principal: { Service: 'events.amazonaws.com' },
                  Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
                }),
              ]),
            },
          });
        }
      });
    }

    it('each alarm on a backlog', () => {
      for (const declaration of consumers) {
        const queueId = referencedId(queueMappingOf(declaration).EventSourceArn);
        root.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/SQS',
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
          AlarmActions: [{ Ref: topicId }],
        });
      }
    });
  });

  it('every queue is a dead-letter queue of one asynchronous trigger, or a work queue with its own', () => {
    const queues = resourcesOfType(template, 'AWS::SQS::Queue');

    expect(queues).toHaveLength(events.length + streams.length + uploads.length + schedules.length + 2 * consumers.length);
    const uploadFunctions = uploads.map((declaration) => resources[inContextOf(declaration).fnId]?.Properties);
    const redrives = queues.map(([, queue]) => queue.Properties.RedrivePolicy ?? null);
    const referenced = JSON.stringify([
      ...[...rules, ...mappings].map(([, resource]) => resource.Properties),
      ...uploadFunctions,
      ...redrives,
    ]);
    for (const [queueId] of queues) expect(referenced).toContain(`"${queueId}"`);
  });
}

/** EventBridge's rate in its largest whole unit, as CDK writes it: 60 minutes is `rate(1 hour)`. */
function rateExpression(minutes: number): string {
  const [amount, unit] = minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return `rate(${amount} ${unit}${amount === 1 ? '' : 's'})`;
}
