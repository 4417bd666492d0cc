import { describe, expect, it } from 'vitest';
import { declarations } from '#functions/declarations';
import { synthStack } from './synth-stack.ts';
import { asArray, functionsByName, referencedId, resourcesOfType, statementsOfRole } from './template-lookup.ts';
import { tableRead, tableWrite, xray } from './expected-permissions.ts';

const { templates } = synthStack({ stage: 'dev' });
const orders = templates.context('orders');
const sweeper = functionsByName(orders).get('reduce-buyer-data');

describe('the buyer-data sweeper (reduce-buyer-data)', () => {
  it('is declared to run hourly', () => {
    expect(declarations.find((declaration) => declaration.name === 'reduce-buyer-data')?.trigger).toEqual({
      kind: 'schedule',
      everyMinutes: 60,
    });
  });

  it('is the target of one scheduled rule, rate(1 hour), with a dead-letter queue and two retries', () => {
    if (sweeper === undefined) throw new Error('reduce-buyer-data is not deployed in the orders stack');

    const rules = resourcesOfType(orders, 'AWS::Events::Rule').filter(([, rule]) =>
      (rule.Properties.Targets as { Arn: unknown }[]).some((target) => referencedId(target.Arn) === sweeper.logicalId),
    );

    expect(rules.map(([, rule]) => rule.Properties.ScheduleExpression)).toEqual(['rate(1 hour)']);
    const [target] = (rules[0]?.[1].Properties.Targets ?? []) as { RetryPolicy: unknown; DeadLetterConfig: { Arn: unknown } }[];
    expect(target?.RetryPolicy).toEqual({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 });
    expect(sweeper.resource.Properties.DeadLetterConfig).toEqual({ TargetArn: target?.DeadLetterConfig.Arn });
  });

  it('may read and update the table and send to its dead-letter queue, nothing else: no Scan, no bus, no bucket', () => {
    if (sweeper === undefined) throw new Error('reduce-buyer-data is not deployed in the orders stack');

    const statements = statementsOfRole(orders, referencedId(sweeper.resource.Properties.Role));
    const actions = [...new Set(statements.flatMap((statement) => asArray(statement.Action)))].sort();

    expect(actions).toEqual(
      [...new Set(['logs:CreateLogStream', 'logs:PutLogEvents', ...xray, ...tableRead, ...tableWrite, 'sqs:SendMessage'])].sort(),
    );
    expect(actions).not.toContain('dynamodb:Scan');
  });
});
