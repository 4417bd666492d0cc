import { describe, expect, it } from 'vitest';
import { declarations } from '#functions/declarations';
import { synthStack } from './synth-stack.ts';
import { asArray, functionsByName, referencedId, resourcesOfType, statementsOfRole } from './template-lookup.ts';

const { templates } = synthStack({ stage: 'dev' });

const dynamoStatementsOf = (name: string) => {
  const declaration = declarations.find((candidate) => candidate.name === name);
  if (declaration === undefined) throw new Error(`No function is declared as ${name}`);
  const template = templates.context(declaration.context);
  const fn = functionsByName(template).get(name);
  if (fn === undefined) throw new Error(`${name} is not deployed in the ${declaration.context} nested stack`);
  return statementsOfRole(template, referencedId(fn.resource.Properties.Role)).filter((statement) =>
    asArray(statement.Action).some((action) => action.startsWith('dynamodb:')),
  );
};

/**
 * Public and optional-auth functions that may read the whole of any item. Each reads only items with no private
 * attribute (groups, programmes, listed products, and the order a Midtrans notification names, which the status API
 * must confirm), so a new one is added here only after that review.
 */
const reviewedWholeItemReaders = [
  'browse-products',
  'get-group',
  'get-product',
  'list-groups',
  'list-programs',
  'receive-midtrans-notification',
];

describe('fine-grained reads', () => {
  it('let the public artisan page read a participant item’s keys, id, group and profile, and nothing else, with GetItem alone', () => {
    const [tableId] = resourcesOfType(templates.root, 'AWS::DynamoDB::Table').map(([id]) => id);

    expect(dynamoStatementsOf('get-artisan')).toEqual([
      {
        Effect: 'Allow',
        Action: 'dynamodb:GetItem',
        Resource: { 'Fn::GetAtt': [tableId, 'Arn'] },
        Condition: {
          'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'sk', 'id', 'groupId', 'profile'] },
          Null: { 'dynamodb:Attributes': 'false' },
          StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
        },
      },
    ]);
  });

  it('leave whole-item reads to no public or optional-auth function but those reviewed', () => {
    const wholeItemReaders = declarations
      .filter(({ trigger }) => trigger.kind === 'http' && trigger.route.auth !== 'jwt')
      .filter(({ name }) =>
        dynamoStatementsOf(name).some(
          (statement) => statement.Condition === undefined && asArray(statement.Action).includes('dynamodb:GetItem'),
        ),
      )
      .map(({ name }) => name)
      .sort();

    expect(wholeItemReaders).toEqual(reviewedWholeItemReaders);
  });
});
