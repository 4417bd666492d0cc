import { describe, expect, it } from 'vitest';
import { declarations } from '#functions/declarations';
import { synthStack } from './synth-stack.ts';
import { asArray, functionsByName, referencedId, resourcesOfType, statementsOfRole } from './template-lookup.ts';
import { tableRead, tableWrite, xray } from './expected-permissions.ts';

const { templates } = synthStack({ stage: 'dev' });
const orders = templates.context('orders');

/** The sweepers of the table's due partitions, each at the rate its deadline needs. */
const sweepers = [
  // CONTRACT §3 Orders: an unpaid order is cancelled within 5 minutes of its payBy.
  { name: 'expire-unpaid-orders', everyMinutes: 1, rate: 'rate(1 minute)' },
  // A reduction is due to the day, 90 days on.
  { name: 'reduce-buyer-data', everyMinutes: 60, rate: 'rate(1 hour)' },
];

describe.each(sweepers)('the due sweeper $name', ({ name, everyMinutes, rate }) => {
  const sweeper = functionsByName(orders).get(name);

  it(`is declared to run every ${everyMinutes} minutes`, () => {
    expect(declarations.find((declaration) => declaration.name === name)?.trigger).toEqual({ kind: 'schedule', everyMinutes });
  });

  it(`is the target of one scheduled rule, ${rate}, with a dead-letter queue and two retries`, () => {
    if (sweeper === undefined) throw new Error(`${name} is not deployed in the orders stack`);

    const rules = resourcesOfType(orders, 'AWS::Events::Rule').filter(([, rule]) =>
      (rule.Properties.Targets as { Arn: unknown }[]).some((target) => referencedId(target.Arn) === sweeper.logicalId),
    );

    expect(rules.map(([, rule]) => rule.Properties.ScheduleExpression)).toEqual([rate]);
    const [target] = (rules[0]?.[1].Properties.Targets ?? []) as { RetryPolicy: unknown; DeadLetterConfig: { Arn: unknown } }[];
    // A run older than the interval is overtaken by the next one, which finds the same work due.
    expect(target?.RetryPolicy).toEqual({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: everyMinutes * 60 });
    expect(sweeper.resource.Properties.DeadLetterConfig).toEqual({ TargetArn: target?.DeadLetterConfig.Arn });
  });

  it('may read and update the table and send to its dead-letter queue, nothing else: no Scan, no bus, no bucket', () => {
    if (sweeper === undefined) throw new Error(`${name} is not deployed in the orders stack`);

    const statements = statementsOfRole(orders, referencedId(sweeper.resource.Properties.Role));
    const actions = [...new Set(statements.flatMap((statement) => asArray(statement.Action)))].sort();

    expect(actions).toEqual(
      [...new Set(['logs:CreateLogStream', 'logs:PutLogEvents', ...xray, ...tableRead, ...tableWrite, 'sqs:SendMessage'])].sort(),
    );
    expect(actions).not.toContain('dynamodb:Scan');
  });
});
