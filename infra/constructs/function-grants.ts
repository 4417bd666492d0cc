import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  type FunctionDeclaration,
  type Grants,
  type ObjectPrefix,
  type QueueName,
  queueUrlEnv,
  verifiesTokens,
} from '#shared/kernel/declaration';
import { EnvName } from '#shared/kernel/env';
import { accessLogKeyPrefix } from '#shared/kernel/store/keys';
import type { PlatformResources } from './platform-resources.ts';

// TransactWriteItems has no IAM action of its own: it is authorised per item by these.
// Scan is deliberately absent: every access pattern is a key lookup or a Query.
const tableReadActions = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem'];
const tableWriteActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'];

/** Exactly what a declaration's grants name, on exactly the resources they name. */
export function buildGrantStatements(grants: Grants, platform: PlatformResources): PolicyStatement[] {
  const { table, indexArns } = platform.data;
  const statements: PolicyStatement[] = [];
  if (grants.table?.includes('read')) {
    statements.push(new PolicyStatement({ actions: tableReadActions, resources: [table.tableArn, ...indexArns] }));
  }
  if (grants.table?.includes('write')) {
    // Indexes are written through the table, so writes need the table alone.
    statements.push(new PolicyStatement({ actions: tableWriteActions, resources: [table.tableArn] }));
  }
  if (grants.tableAttributes?.length) {
    statements.push(
      new PolicyStatement({
        actions: ['dynamodb:GetItem'],
        resources: [table.tableArn],
        conditions: {
          'ForAllValues:StringEquals': { 'dynamodb:Attributes': [...grants.tableAttributes] },
          // ForAllValues holds for a request naming no attributes at all, which would then read the whole item.
          Null: { 'dynamodb:Attributes': 'false' },
          StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
        },
      }),
    );
  }
  if (grants.accessLog === 'append') {
    statements.push(
      new PolicyStatement({
        actions: ['dynamodb:PutItem'],
        resources: [table.tableArn],
        // Fine-grained access control: the item's partition key must be an access log's.
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${accessLogKeyPrefix}*`] } },
      }),
    );
  }
  if (grants.bus === 'put') {
    statements.push(new PolicyStatement({ actions: ['events:PutEvents'], resources: [platform.bus.eventBusArn] }));
  }
  const objectsUnder = (prefixes: readonly ObjectPrefix[]) => prefixes.map((prefix) => platform.images.arnForObjects(`${prefix}*`));
  if (grants.bucket?.read?.length) {
    statements.push(new PolicyStatement({ actions: ['s3:GetObject'], resources: objectsUnder(grants.bucket.read) }));
  }
  if (grants.bucket?.write?.length) {
    statements.push(new PolicyStatement({ actions: ['s3:PutObject'], resources: objectsUnder(grants.bucket.write) }));
  }
  if (grants.midtransServerKey === 'read') {
    // No kms:Decrypt: the AWS-managed aws/ssm key lets every principal of the account decrypt through SSM, so
    // ssm:GetParameter on this one parameter is the whole of what reading it takes.
    statements.push(new PolicyStatement({ actions: ['ssm:GetParameter'], resources: [platform.midtransServerKey.parameterArn] }));
  }
  if (grants.sendTo?.length) {
    statements.push(
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: grants.sendTo.map((name) => workQueue(platform, name).queueArn) }),
    );
  }
  return statements;
}

function workQueue(platform: PlatformResources, name: QueueName) {
  const found = platform.queues.get(name);
  if (!found) throw new Error(`No function consumes the ${name} queue, so it does not exist; nothing may send to it`);
  return found.queue;
}

/** A variable is set only when the declaration grants what it names, so a function cannot even find what it may not touch. */
export function buildGrantEnvironment(grants: Grants, platform: PlatformResources): Record<string, string> {
  return {
    ...(grants.table?.length || grants.tableAttributes?.length || grants.accessLog
      ? { [EnvName.tableName]: platform.data.table.tableName }
      : {}),
    ...(grants.bus ? { [EnvName.eventBusName]: platform.bus.eventBusName } : {}),
    ...(grants.bucket ? { [EnvName.bucketName]: platform.images.bucketName, [EnvName.imagesBaseUrl]: platform.imagesBaseUrl } : {}),
    ...(grants.cursorKey ? { [EnvName.cursorSigningKey]: platform.cursorSigningKey } : {}),
    // Whoever holds the server key is who asks Midtrans' API with it.
    ...(grants.midtransServerKey
      ? {
          [EnvName.midtransServerKeyParameter]: platform.midtransServerKey.parameterName,
          [EnvName.midtransApiUrl]: platform.settings.midtransApiUrl,
        }
      : {}),
    ...Object.fromEntries((grants.sendTo ?? []).map((name) => [queueUrlEnv[name], workQueue(platform, name).queueUrl])),
  };
}

/** An optional-auth function verifies tokens itself, against what the API's JWT authorizer accepts; no other function is told. */
export function buildTokenEnvironment(declaration: FunctionDeclaration, platform: PlatformResources): Record<string, string> {
  if (!verifiesTokens(declaration)) return {};
  return { [EnvName.jwtIssuer]: platform.api.tokens.issuer, [EnvName.jwtAudience]: platform.api.tokens.audience };
}
