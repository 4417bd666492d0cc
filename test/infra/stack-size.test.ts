import { describe, expect, it } from 'vitest';
import { toConstructId } from '#infra/constructs/construct-id';
import { declarations } from '#functions/declarations';
import { synthStack } from './synth-stack.ts';
import { resourcesOfType } from './template-lookup.ts';

/** Half of CloudFormation's 500 resources per template, so a context can double before its stack is split again. */
const resourceBudget = 250;

/** What every context shares: built once, in the root, and passed into the nested stacks. */
const shared = [
  'AWS::DynamoDB::Table',
  'AWS::Events::EventBus',
  'AWS::ApiGatewayV2::Api',
  'AWS::ApiGatewayV2::Authorizer',
  'AWS::S3::Bucket',
  'AWS::Cognito::UserPool',
  'AWS::SNS::Topic',
  'AWS::SecretsManager::Secret',
];

describe.each(['dev', 'prod'] as const)('stack sizes (%s)', (stage) => {
  const { stack, templates } = synthStack({ stage });
  const sizes = templates.stacks.map(({ name, template }) => ({ name, resources: Object.keys(template.toJSON().Resources).length }));

  it('is a root stack and one nested stack per context that has functions', () => {
    const contexts = [...new Set(declarations.map((declaration) => declaration.context))];

    const nested = contexts.map((context) => `${stack.node.path}/${toConstructId(context)}`);

    expect(sizes.map(({ name }) => name).sort()).toEqual([stack.node.path, ...nested].sort());
  });

  it.each(sizes)(`$name holds at most ${resourceBudget} resources`, ({ name, resources }) => {
    expect(resources, `${name} holds ${resources} resources, over the budget of ${resourceBudget}`).toBeLessThanOrEqual(resourceBudget);
  });

  it.each(shared)('keeps the one %s in the root', (type) => {
    const where = templates.stacks.filter(({ template }) => resourcesOfType(template, type).length > 0).map(({ name }) => name);

    expect(where).toEqual([stack.node.path]);
    expect(resourcesOfType(templates.root, type)).toHaveLength(1);
  });
});
