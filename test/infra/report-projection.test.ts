import { describe, expect, it } from 'vitest';
import { synthStack } from './synth-stack.ts';
import { asArray, functionsByName, referencedId, resourcesOfType, statementsOfRole } from './template-lookup.ts';
import { tableRead, tableWrite, xray } from './expected-permissions.ts';

const { templates } = synthStack({ stage: 'dev' });
const reports = templates.context('reports');
const projection = functionsByName(reports).get('project-group-report');

/** Written out, not derived from the declaration: a reported event dropped from the rule has to fail here. */
describe('the report projection (project-group-report)', () => {
  it("is the target of one rule selecting every reported event, the refund, payout, mentoring and placement figures' own included", () => {
    if (projection === undefined) throw new Error('project-group-report is not deployed in the reports stack');

    const rules = resourcesOfType(reports, 'AWS::Events::Rule').filter(([, rule]) =>
      (rule.Properties.Targets as { Arn: unknown }[]).some((target) => referencedId(target.Arn) === projection.logicalId),
    );

    expect(rules.map(([, rule]) => rule.Properties.EventPattern)).toEqual([
      {
        $or: [
          { source: ['pas-kreatif.participants'], 'detail-type': ['ParticipantRegistered'] },
          { source: ['pas-kreatif.training'], 'detail-type': ['TrainingEnrolled', 'TrainingCompleted'] },
          { source: ['pas-kreatif.catalog'], 'detail-type': ['ProductListed'] },
          {
            source: ['pas-kreatif.orders'],
            'detail-type': ['OrderPlaced', 'OrderPaid', 'OrderDelivered', 'OrderCancelled', 'OrderRefunded'],
          },
          { source: ['pas-kreatif.earnings'], 'detail-type': ['EarningsCredited', 'EarningsReversed', 'PayoutRecorded'] },
          {
            source: ['pas-kreatif.programme'],
            'detail-type': ['MentoringRecorded', 'PlacementStarted', 'PlacementEnded', 'FollowUpRecorded'],
          },
        ],
      },
    ]);
  });

  it('may read the table (participants, orders, products) and write its buckets and guards, nothing else: no Scan, no bus', () => {
    if (projection === undefined) throw new Error('project-group-report is not deployed in the reports stack');

    const statements = statementsOfRole(reports, referencedId(projection.resource.Properties.Role));
    const actions = [...new Set(statements.flatMap((statement) => asArray(statement.Action)))].sort();

    expect(actions).toEqual(
      [...new Set(['logs:CreateLogStream', 'logs:PutLogEvents', ...xray, ...tableRead, ...tableWrite, 'sqs:SendMessage'])].sort(),
    );
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions).not.toContain('events:PutEvents');
  });
});
