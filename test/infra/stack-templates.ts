import { type CfnResource, NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { toConstructId } from '#infra/constructs/construct-id';
import type { ContextName } from '#shared/kernel/declaration';
import type { Resource } from './template-lookup.ts';

interface TemplateJson {
  Resources: Record<string, Resource>;
  Parameters?: Record<string, unknown>;
  Outputs?: Record<string, { Value: unknown }>;
  [section: string]: unknown;
}

interface Nested {
  stack: NestedStack;
  /** the nested stack's AWS::CloudFormation::Stack resource in the root */
  logicalId: string;
  template: Template;
  json: TemplateJson;
}

export interface StackTemplates {
  /** each template as CloudFormation receives it, named by its construct path: the root's, then each nested stack's */
  stacks: { name: string; template: Template }[];
  /** the root stack, its reads of nested outputs replaced by the nested resources they name */
  root: Template;
  /** the root and its nested stacks as one template, every reference across them followed to what it names */
  combined: Template;
  /** the nested stack of one context, its parameters replaced by what the root passes in */
  context(name: ContextName): Template;
}

/**
 * The root's template and its nested stacks', of an app that has been synthesised. A nested stack sees a root
 * resource as a parameter and the root sees a nested resource as a nested output; both are replaced by the
 * `Ref` or `Fn::GetAtt` they stand for, so assertions read as they would on a single template (logical ids are
 * unique across the stacks, which `combined` checks).
 */
export function readStackTemplates(root: Stack): StackTemplates {
  const rootTemplate = Template.fromStack(root);
  const rootJson = rootTemplate.toJSON() as TemplateJson;
  const nested = new Map<string, Nested>();
  for (const child of root.node.children.filter(NestedStack.isNestedStack)) {
    const logicalId = root.getLogicalId(child.nestedStackResource as CfnResource);
    const template = Template.fromStack(child);
    nested.set(logicalId, { stack: child, logicalId, template, json: template.toJSON() as TemplateJson });
  }

  const fromRoot = (value: unknown): unknown =>
    substitute(value, (node) => {
      const [target, attribute] = (node['Fn::GetAtt'] ?? []) as [string?, string?];
      const producer = target === undefined ? undefined : nested.get(target);
      if (producer === undefined || !attribute?.startsWith('Outputs.')) return undefined;
      const output = producer.json.Outputs?.[attribute.slice('Outputs.'.length)];
      if (output === undefined) throw new Error(`${producer.stack.node.path} has no output ${attribute}`);
      return fromNested(producer, output.Value);
    });
  const fromNested = (consumer: Nested, value: unknown): unknown =>
    substitute(value, (node) => {
      const name = node.Ref;
      if (typeof name !== 'string' || consumer.json.Parameters?.[name] === undefined) return undefined;
      const passed = (rootJson.Resources[consumer.logicalId]?.Properties.Parameters as Record<string, unknown> | undefined)?.[name];
      if (passed === undefined) throw new Error(`The root passes no ${name} to ${consumer.stack.node.path}`);
      return fromRoot(passed);
    });

  const resolvedNested = [...nested.values()].map((stack) => ({
    path: stack.stack.node.path,
    json: stack.json,
    resources: fromNested(stack, stack.json.Resources) as Record<string, Resource>,
  }));
  const rootResources = fromRoot(rootJson.Resources) as Record<string, Resource>;
  const outputs = fromRoot(rootJson.Outputs);
  const combinedResources = { ...rootResources };
  for (const { path, resources } of resolvedNested) {
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (logicalId in combinedResources) throw new Error(`${logicalId} of ${path} is also in another stack`);
      combinedResources[logicalId] = resource;
    }
  }
  // References resolved across stacks name logical ids of another template, which the cycle check cannot follow.
  const contexts = new Map(
    resolvedNested.map(({ path, json, resources }) => [
      path,
      Template.fromJSON({ ...json, Resources: resources }, { skipCyclicalDependenciesCheck: true }),
    ]),
  );

  return {
    stacks: [
      { name: root.node.path, template: rootTemplate },
      ...[...nested.values()].map(({ stack, template }) => ({ name: stack.node.path, template })),
    ],
    root: Template.fromJSON({ ...rootJson, Resources: rootResources, Outputs: outputs }, { skipCyclicalDependenciesCheck: true }),
    combined: Template.fromJSON({ ...rootJson, Resources: combinedResources, Outputs: outputs }),
    context(name) {
      const template = contexts.get(`${root.node.path}/${toConstructId(name)}`);
      if (template === undefined) throw new Error(`The ${name} context has no nested stack`);
      return template;
    },
  };
}

/** A deep copy of `value` in which every object `replace` has an answer for is that answer. */
function substitute(value: unknown, replace: (node: Record<string, unknown>) => unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => substitute(item, replace));
  if (value === null || typeof value !== 'object') return value;
  const replaced = replace(value as Record<string, unknown>);
  if (replaced !== undefined) return replaced;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, replace)]));
}
