import { describe, expect, it } from 'vitest';
import type { FunctionDeclaration } from '#shared/kernel/declaration';
import { tableDefinition } from '#shared/kernel/table-definition';
import {
  accessLogCondition,
  attributesCondition,
  expectedActions,
  expectedEnvironment,
  midtransApiUrlOf,
  midtransServerKeyParameterName,
  tableRead,
  tableWrite,
  xray,
} from './expected-permissions.ts';
import type { StackTemplates } from './stack-templates.ts';
import {
  allStatements,
  asArray,
  environmentOf,
  functionsByName,
  referencedId,
  resourcesOfType,
  statementsOfRole,
  type Statement,
} from './template-lookup.ts';

const defaultLimits = {
  http: [10, 512],
  event: [30, 512],
  tableStream: [60, 512],
  objectCreated: [30, 1024],
  queue: [30, 512],
  schedule: [60, 512],
} as const;

/**
 * The assertions every declared function must pass, one `describe` per declaration, so the suite grows
 * with functions/declarations.ts without anyone writing a test for the new function's wiring. Each function
 * is looked for in its context's nested stack, with what it holds of the root's resources resolved to them.
 */
export function checkFunctions(
  declarations: readonly FunctionDeclaration[],
  templates: StackTemplates,
  retentionDays: number,
  stage = 'dev',
): void {
  const { combined, root } = templates;
  const functions = functionsByName(combined);
  const [tableId] = resourcesOfType(root, 'AWS::DynamoDB::Table').map(([id]) => id);
  const [busId] = resourcesOfType(root, 'AWS::Events::EventBus').map(([id]) => id);
  const [topicId] = resourcesOfType(root, 'AWS::SNS::Topic').map(([id]) => id);
  const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
  const indexArns = tableDefinition.globalIndexes.map((index) => ({
    'Fn::Join': ['', [tableArn, `/index/${index.indexName}`]],
  }));

  const midtransParameterName = midtransServerKeyParameterName(stage);
  const midtransParameterArn = {
    'Fn::Join': [
      '',
      [
        'arn:',
        { Ref: 'AWS::Partition' },
        ':ssm:',
        { Ref: 'AWS::Region' },
        ':',
        { Ref: 'AWS::AccountId' },
        `:parameter${midtransParameterName}`,
      ],
    ],
  };

  it('deploys exactly one function per declaration', () => {
    expect([...functions.keys()].sort()).toEqual(declarations.map((declaration) => declaration.name).sort());
  });

  for (const declaration of declarations) {
    describe(`${declaration.context}/${declaration.name}`, () => {
      const template = templates.context(declaration.context);
      const inContext = functionsByName(template);
      const deployed = () => {
        const found = inContext.get(declaration.name);
        if (found === undefined) throw new Error(`${declaration.name} is not deployed in the ${declaration.context} nested stack`);
        return found;
      };
      const roleId = () => referencedId(deployed().resource.Properties.Role);
      const statements = () => statementsOfRole(template, roleId());
      const withAction = (action: string) => statements().filter((statement) => asArray(statement.Action).includes(action));

      it('runs Node 22 on arm64 with active tracing, the ESM handler and its limits', () => {
        // Prepare
        const [timeout, memory] = defaultLimits[declaration.trigger.kind];

        // Act
        const { Properties } = deployed().resource;

        // Assert
        expect(Properties).toMatchObject({
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          TracingConfig: { Mode: 'Active' },
          Handler: 'index.handler',
          Timeout: declaration.timeoutSeconds ?? timeout,
          MemorySize: declaration.memoryMb ?? memory,
        });
      });

      it('has only the environment variables its grants call for', () => {
        const variables = environmentOf(deployed().resource);

        expect(Object.keys(variables).sort()).toEqual(expectedEnvironment(declaration));
        expect(variables).toMatchObject({ POWERTOOLS_SERVICE_NAME: declaration.name, NODE_OPTIONS: '--enable-source-maps' });
      });

      it('logs to its own log group, with the stage retention', () => {
        const logGroupRef = (deployed().resource.Properties.LoggingConfig as { LogGroup: unknown }).LogGroup;
        const logGroupId = referencedId(logGroupRef);

        expect(template.toJSON().Resources[logGroupId].Properties.RetentionInDays).toBe(retentionDays);
        expect(withAction('logs:PutLogEvents').flatMap((statement) => asArray(statement.Resource))).toEqual([
          { 'Fn::GetAtt': [logGroupId, 'Arn'] },
        ]);
      });

      it('has its own role with no managed policies', () => {
        const role = template.toJSON().Resources[roleId()];

        expect(role.Properties.ManagedPolicyArns).toBeUndefined();
        expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
          { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } },
        ]);
        const sharers = resourcesOfType(template, 'AWS::Lambda::Function').filter(
          ([, fn]) => referencedId(fn.Properties.Role) === roleId(),
        );
        expect(sharers).toHaveLength(1);
      });

      it('may do exactly what its declaration implies', () => {
        const actions = [...new Set(statements().flatMap((statement) => asArray(statement.Action)))].sort();

        expect(actions).toEqual(expectedActions(declaration));
      });

      it('reads and writes the table only, and queries only the declared indexes', () => {
        const resourcesOf = (actions: string[]) =>
          statements()
            .filter((statement) => statement.Condition === undefined)
            .filter((statement) => asArray(statement.Action).some((action) => actions.includes(action)))
            .flatMap((statement) => asArray(statement.Resource));

        const reads = resourcesOf(tableRead.filter((action) => !tableWrite.includes(action)));
        const writes = resourcesOf(tableWrite.filter((action) => !tableRead.includes(action)));

        expect(reads).toEqual(declaration.grants.table?.includes('read') ? [tableArn, ...indexArns] : []);
        expect(writes).toEqual(declaration.grants.table?.includes('write') ? [tableArn] : []);
      });

      it('appends to access logs only through a PutItem limited to their partitions, and reads attributes only as granted', () => {
        const conditioned = statements().filter((statement) => statement.Condition !== undefined);
        const { accessLog, tableAttributes } = declaration.grants;

        expect(conditioned).toEqual([
          ...(tableAttributes?.length
            ? [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: tableArn, Condition: attributesCondition(tableAttributes) }]
            : []),
          ...(accessLog === 'append'
            ? [{ Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: tableArn, Condition: accessLogCondition }]
            : []),
        ]);
      });

      it('puts events on the platform bus only', () => {
        const resources = withAction('events:PutEvents').flatMap((statement) => asArray(statement.Resource));

        expect(resources).toEqual(declaration.grants.bus === 'put' ? [{ 'Fn::GetAtt': [busId, 'Arn'] }] : []);
      });

      it('reads the Midtrans server key, and only its own parameter, exactly when granted', () => {
        const resources = withAction('ssm:GetParameter').flatMap((statement) => asArray(statement.Resource));
        const variables = environmentOf(deployed().resource);

        const layers = JSON.stringify(deployed().resource.Properties.Layers ?? []);

        if (declaration.grants.midtransServerKey === 'read') {
          expect(resources).toEqual([midtransParameterArn]);
          expect(variables.MIDTRANS_SERVER_KEY_PARAMETER).toBe(midtransParameterName);
          expect(variables.MIDTRANS_API_URL).toBe(midtransApiUrlOf(stage));
          // Read through the Parameters and Secrets extension, version 1.0.103's arm64 layer in the region's ARN
          // (the stack is region-agnostic, so CDK looks it up in a mapping), which caches it for 5 minutes.
          expect(layers).toMatch(/^\[\{"Fn::FindInMap":\["Paramsandsecrets\w*",\{"Ref":"AWS::Region"\},"1x0x103xarm64"\]\}\]$/);
          expect(variables).toMatchObject({ SSM_PARAMETER_STORE_TTL: '300', PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: '2773' });
        } else {
          expect(resources).toEqual([]);
          expect(variables.MIDTRANS_SERVER_KEY_PARAMETER).toBeUndefined();
          expect(variables.MIDTRANS_API_URL).toBeUndefined();
          expect(layers).toBe('[]');
        }
        expect(
          statements()
            .flatMap((statement) => asArray(statement.Action))
            .filter((action) => action.startsWith('kms:')),
        ).toEqual([]);
      });

      it('alarms on its first error', () => {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/Lambda',
          MetricName: 'Errors',
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: deployed().logicalId } }],
          Statistic: 'Sum',
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          AlarmActions: [{ Ref: topicId }],
        });
      });
    });
  }

  describe('every policy of the root and nested stacks', () => {
    const statements: Statement[] = allStatements(combined);

    it('never allows a Scan or a dynamodb wildcard', () => {
      const actions = statements.flatMap((statement) => asArray(statement.Action));

      expect(actions.filter((action) => /^dynamodb:(Scan|.*\*)/.test(action))).toEqual([]);
    });

    it("uses '*' as a resource only for X-Ray, which has no resource-level permissions", () => {
      const wildcard = statements.filter((statement) => asArray(statement.Resource).includes('*'));

      expect(wildcard.length).toBeGreaterThan(0);
      for (const statement of wildcard) expect(asArray(statement.Action).sort()).toEqual([...xray].sort());
    });
  });
}
