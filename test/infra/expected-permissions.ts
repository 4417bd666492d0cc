import type { FunctionDeclaration } from '#shared/kernel/declaration';

/**
 * What each declaration should be allowed to do, written out independently of infra/constructs, so a
 * change to the grant mapping has to be made twice (here on purpose) to pass.
 */
export const tableRead = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem'];
export const tableWrite = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'];
export const xray = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];
const logs = ['logs:CreateLogStream', 'logs:PutLogEvents'];
const streamRead = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
export const queueConsume = ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes'];
const queueUrlVariables = { 'webhook-events': 'WEBHOOK_EVENTS_QUEUE_URL', 'webhook-deliveries': 'WEBHOOK_DELIVERIES_QUEUE_URL' } as const;

export function expectedActions(declaration: FunctionDeclaration): string[] {
  const { grants, trigger } = declaration;
  const actions = [
    ...logs,
    ...xray,
    ...(grants.table?.includes('read') ? tableRead : []),
    ...(grants.table?.includes('write') ? tableWrite : []),
    ...(grants.accessLog === 'append' ? ['dynamodb:PutItem'] : []),
    ...(grants.bus === 'put' ? ['events:PutEvents'] : []),
    ...(grants.tableAttributes?.length ? ['dynamodb:GetItem'] : []),
    ...(grants.bucket?.read?.length ? ['s3:GetObject'] : []),
    ...(grants.bucket?.write?.length ? ['s3:PutObject'] : []),
    // Reading the Midtrans SecureString; the AWS-managed aws/ssm key needs no kms:Decrypt of the caller's own.
    ...(grants.midtransServerKey === 'read' ? ['ssm:GetParameter'] : []),
    // Lambda itself sends a failed asynchronous event to the function's dead-letter queue.
    ...(trigger.kind === 'event' || trigger.kind === 'objectCreated' || trigger.kind === 'schedule' ? ['sqs:SendMessage'] : []),
    // The stream poller runs as the function and reports failed batches to the failure queue.
    ...(trigger.kind === 'tableStream' ? [...streamRead, 'sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'] : []),
    // The queue's event source mapping polls, deletes and extends messages as the function.
    ...(trigger.kind === 'queue' ? queueConsume : []),
    ...(grants.sendTo?.length ? ['sqs:SendMessage'] : []),
  ];
  return [...new Set(actions)].sort();
}

/** The one condition under which a function without table writes may put items: into access-log partitions only. */
export const accessLogCondition = { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ACCESS#*'] } };

/**
 * The one condition under which a function may read items without a table read grant: these attributes only, named
 * in every request (ForAllValues alone would hold for a request naming none), never an index's whole projection.
 */
export const attributesCondition = (attributes: readonly string[]) => ({
  'ForAllValues:StringEquals': { 'dynamodb:Attributes': [...attributes] },
  Null: { 'dynamodb:Attributes': 'false' },
  StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
});

export function expectedEnvironment(declaration: FunctionDeclaration): string[] {
  const { grants, trigger } = declaration;
  return [
    'STAGE',
    'POWERTOOLS_SERVICE_NAME',
    'NODE_OPTIONS',
    ...(grants.table?.length || grants.tableAttributes?.length || grants.accessLog ? ['TABLE_NAME'] : []),
    ...(grants.bus ? ['EVENT_BUS_NAME'] : []),
    ...(grants.bucket ? ['BUCKET_NAME', 'IMAGES_BASE_URL'] : []),
    ...(grants.cursorKey ? ['CURSOR_SIGNING_KEY'] : []),
    // The key's holder is the one that asks Midtrans' Get Status API, with that key.
    ...(grants.midtransServerKey === 'read' ? ['MIDTRANS_SERVER_KEY_PARAMETER', 'MIDTRANS_API_URL', ...serverKeyExtensionVariables] : []),
    ...(grants.sendTo ?? []).map((queue) => queueUrlVariables[queue]),
    // An optional-auth route has no authorizer: its function verifies tokens and must know what to accept.
    ...(trigger.kind === 'http' && trigger.route.auth === 'optional' ? ['JWT_ISSUER', 'JWT_AUDIENCE'] : []),
  ].sort();
}

/** What CDK sets for the Parameters and Secrets extension, which serves the Midtrans key to the functions that read it. */
export const serverKeyExtensionVariables = [
  'PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED',
  'PARAMETERS_SECRETS_EXTENSION_CACHE_SIZE',
  'PARAMETERS_SECRETS_EXTENSION_HTTP_PORT',
  'PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL',
  'PARAMETERS_SECRETS_EXTENSION_MAX_CONNECTIONS',
  'SECRETS_MANAGER_TIMEOUT_MILLIS',
  'SECRETS_MANAGER_TTL',
  'SSM_PARAMETER_STORE_TIMEOUT_MILLIS',
  'SSM_PARAMETER_STORE_TTL',
];

/** Midtrans' API by stage, as Midtrans documents it: the sandbox for anything but production. */
export const midtransApiUrlOf = (stage: string) => (stage === 'prod' ? 'https://api.midtrans.com' : 'https://api.sandbox.midtrans.com');

/** The server key's parameter as the stack names it by default, written out here rather than taken from the stack. */
export const midtransServerKeyParameterName = (stage: string) => `/pas-kreatif/${stage}/midtrans-server-key`;
