import type { Template } from 'aws-cdk-lib/assertions';

export interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  [key: string]: unknown;
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

/** CloudFormation's "one or many" made many. */
export function asArray<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

/** Each deployed function, keyed by its declaration's name (the Powertools service name it is given). */
export function functionsByName(template: Template): Map<string, { logicalId: string; resource: Resource }> {
  const functions = new Map<string, { logicalId: string; resource: Resource }>();
  for (const [logicalId, resource] of Object.entries(template.findResources('AWS::Lambda::Function') as Record<string, Resource>)) {
    const variables = environmentOf(resource);
    const name = variables.POWERTOOLS_SERVICE_NAME;
    if (typeof name === 'string') functions.set(name, { logicalId, resource });
  }
  return functions;
}

export function environmentOf(fn: Resource): Record<string, unknown> {
  const environment = fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined;
  return environment?.Variables ?? {};
}

/** The logical id of a `{"Fn::GetAtt": [id, attribute]}` or `{"Ref": id}`. */
export function referencedId(reference: unknown): string {
  const value = reference as { 'Fn::GetAtt'?: [string, string]; Ref?: string };
  const id = value['Fn::GetAtt']?.[0] ?? value.Ref;
  if (id === undefined) throw new Error(`Not a reference: ${JSON.stringify(reference)}`);
  return id;
}

/** Every statement of every policy attached to the role. */
export function statementsOfRole(template: Template, roleLogicalId: string): Statement[] {
  const policies = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>).filter((policy) =>
    (policy.Properties.Roles as unknown[]).some((role) => referencedId(role) === roleLogicalId),
  );
  return policies.flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

export function allStatements(template: Template): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>).flatMap(
    (policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
  );
}

/** [logical id, resource] pairs of one resource type. */
export function resourcesOfType(template: Template, type: string): [string, Resource][] {
  return Object.entries(template.findResources(type) as Record<string, Resource>);
}
