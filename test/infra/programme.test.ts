import { describe, expect, it } from 'vitest';
import { accessLogCondition, tableRead, tableWrite, xray } from './expected-permissions.ts';
import { synthStack } from './synth-stack.ts';
import { asArray, functionsByName, referencedId, statementsOfRole } from './template-lookup.ts';

const { templates } = synthStack({ stage: 'dev' });
const programme = templates.context('programme');
const functions = functionsByName(programme);
const logs = ['logs:CreateLogStream', 'logs:PutLogEvents'];

function statementsOf(name: string) {
  const deployed = functions.get(name);
  if (deployed === undefined) throw new Error(`${name} is not deployed in the programme stack`);
  return statementsOfRole(programme, referencedId(deployed.resource.Properties.Role));
}
const actionsOf = (name: string) => [...new Set(statementsOf(name).flatMap((statement) => asArray(statement.Action)))].sort();

/** Written out, not derived from the declarations: a grant widened by mistake has to fail here. */
describe('the programme nested stack', () => {
  it('holds its eight functions', () => {
    expect([...functions.keys()].sort()).toEqual([
      'end-placement',
      'list-group-follow-ups',
      'list-mentoring-sessions',
      'list-placements',
      'open-follow-ups',
      'record-follow-up',
      'record-mentoring',
      'start-placement',
    ]);
  });

  it.each(['record-mentoring', 'start-placement', 'end-placement', 'record-follow-up'])(
    '%s reads and writes the table, and never puts on the bus',
    (name) => {
      expect(actionsOf(name)).toEqual([...new Set([...logs, ...xray, ...tableRead, ...tableWrite])].sort());
    },
  );

  it('open-follow-ups only writes the table (its conditional Puts) and sends a failed event to its dead-letter queue; it never reads or puts on the bus', () => {
    expect(actionsOf('open-follow-ups')).toEqual([...new Set([...logs, ...xray, ...tableWrite, 'sqs:SendMessage'])].sort());
  });

  it.each(['list-mentoring-sessions', 'list-placements', 'list-group-follow-ups'])(
    '%s reads the table and may put only into the access log',
    (name) => {
      const puts = statementsOf(name).filter((statement) => asArray(statement.Action).includes('dynamodb:PutItem'));

      expect(actionsOf(name)).toEqual([...new Set([...logs, ...xray, ...tableRead, 'dynamodb:PutItem'])].sort());
      expect(puts.map((statement) => statement.Condition)).toEqual([accessLogCondition]);
    },
  );
});
