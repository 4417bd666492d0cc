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
  it('holds its five functions', () => {
    expect([...functions.keys()].sort()).toEqual([
      'end-placement',
      'list-mentoring-sessions',
      'list-placements',
      'record-mentoring',
      'start-placement',
    ]);
  });

  it.each(['record-mentoring', 'start-placement', 'end-placement'])('%s reads and writes the table, and never puts on the bus', (name) => {
    expect(actionsOf(name)).toEqual([...new Set([...logs, ...xray, ...tableRead, ...tableWrite])].sort());
  });

  it.each(['list-mentoring-sessions', 'list-placements'])('%s reads the table and may put only into the access log', (name) => {
    const puts = statementsOf(name).filter((statement) => asArray(statement.Action).includes('dynamodb:PutItem'));

    expect(actionsOf(name)).toEqual([...new Set([...logs, ...xray, ...tableRead, 'dynamodb:PutItem'])].sort());
    expect(puts.map((statement) => statement.Condition)).toEqual([accessLogCondition]);
  });
});
