import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { stageThrottle } from '#infra/stage-throttle';
import { type FunctionDeclaration, type HttpFunctionDeclaration, queueNames, queueUrlEnv } from '#shared/kernel/declaration';
import { EnvName } from '#shared/kernel/env';
import { assertJavaRuntime, type DynamoDbLocal, type LocalAwsConfig, startDynamoDbLocal } from './dynamodb/dynamodb-local.ts';
import { type StreamPoller, startStreamPoller, type TableStreamDeclaration } from './dynamodb/stream-poller.ts';
import { createTable } from './dynamodb/table.ts';
import { assertValidPattern } from './eventbridge/event-pattern.ts';
import type { EventDeclaration } from './eventbridge/lambda-targets.ts';
import { type LocalEventBus, startLocalEventBus } from './eventbridge/local-bus.ts';
import { type LocalScheduler, type ScheduleDeclaration, startLocalScheduler } from './eventbridge/scheduler.ts';
import { type ApiServer, startApiServer } from './http-api/api-server.ts';
import type { LocalAuthorizer } from './http-api/jwt-authorizer.ts';
import { midtransStandInPath } from './http-api/midtrans-stand-in.ts';
import { createDeadLetters } from './lambda/dead-letters.ts';
import { createLambdaInvoker, localAccountId } from './lambda/invoker.ts';
import { errorText } from './log-text.ts';
import { freePort } from './net.ts';
import type { LocalEndpoints } from './protocol.ts';
import { type ObjectCreatedDeclaration, type ObjectNotifications, startObjectNotifications } from './s3/object-notifications.ts';
import { type LocalS3, startLocalS3 } from './s3/local-s3.ts';
import { seedDemoData } from './seed.ts';
import { localQueueUrl } from './sqs/endpoint.ts';
import type { QueueDeclaration } from './sqs/event-source-mapping.ts';
import { type LocalQueues, startLocalQueues } from './sqs/local-sqs.ts';

export interface LocalRuntimeOptions {
  /** the API's port; 0 picks a free one; default 3000 */
  port?: number;
  /** seed demo data through the API once everything runs; default false */
  seed?: boolean;
  /** the stage throttle per route, as deployed; default true (LOCAL_THROTTLE=off turns it off for benchmarks) */
  throttle?: boolean;
  log?: (line: string) => void;
  /** warnings (dead letters, failing handlers); default: log */
  warn?: (line: string) => void;
  /** aborting during start-up stops what has started and rejects */
  signal?: AbortSignal;
}

export interface LocalRuntime extends LocalEndpoints {
  stop(): Promise<void>;
}

export const localStage = 'local';
export const localRegion = 'ap-southeast-3';
export const localNames = {
  tableName: `pas-kreatif-${localStage}`,
  bucketName: `pas-kreatif-${localStage}-images`,
  eventBusName: `pas-kreatif-${localStage}`,
} as const;

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * Starts DynamoDB Local, s3rver, the event bus, the table-stream pollers and the HTTP API, all wired
 * from functions/declarations.ts and tableDefinition only. If anything fails (or the signal aborts),
 * what has started is stopped again before the error is rethrown.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const log = options.log ?? ((line: string) => console.log(line));
  const warn = options.warn ?? log;
  const started = Date.now();
  const parts: {
    api?: ApiServer;
    pollers: StreamPoller[];
    bus?: LocalEventBus;
    queues?: LocalQueues;
    notifications?: ObjectNotifications;
    scheduler?: LocalScheduler;
    s3?: LocalS3;
    dynamo?: DynamoDbLocal | Promise<DynamoDbLocal | undefined>;
  } = { pollers: [] };
  const interrupted = () => {
    if (options.signal?.aborted) throw new Error('Start-up was interrupted');
  };

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const attempt = (what: string, action: () => Promise<unknown>) =>
        action().catch((error) => warn(`stopping ${what} failed: ${errorText(error)}`));
      if (parts.scheduler) await attempt('the scheduler', parts.scheduler.stop);
      if (parts.api) await attempt('the API', parts.api.stop);
      await attempt('the table-stream pollers', () => Promise.all(parts.pollers.map((poller) => poller.stop())));
      if (parts.bus) await attempt('the event bus', parts.bus.stop);
      if (parts.queues) await attempt('the queues', parts.queues.stop);
      if (parts.notifications) await attempt('the bucket notifications', parts.notifications.stop);
      if (parts.s3) await attempt('S3', parts.s3.stop);
      const dynamo = await parts.dynamo;
      if (dynamo) await attempt('DynamoDB Local', dynamo.stop);
    })());

  try {
    // Java first: without it nothing else is worth starting, and the message says what to install.
    assertJavaRuntime();
    const [dynamoPort, busPort, sqsPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const dynamoStarting = startDynamoDbLocal({ port: dynamoPort, ...(options.signal ? { signal: options.signal } : {}) });
    parts.dynamo = dynamoStarting.catch(() => undefined);
    const aws: LocalAwsConfig = { endpoint: `http://127.0.0.1:${dynamoPort}`, region: localRegion, credentials: localCredentials };

    parts.s3 = await startLocalS3({ bucketName: localNames.bucketName, credentials: localCredentials });
    const eventBusEndpoint = `http://127.0.0.1:${busPort}`;
    const sqsEndpoint = `http://127.0.0.1:${sqsPort}`;
    setHandlerEnvironment({
      dynamoEndpoint: aws.endpoint,
      s3Endpoint: parts.s3.endpoint,
      eventBusEndpoint,
      sqsEndpoint,
      accountId: localAccountId,
    });
    interrupted();

    // Imported only now: a function's module may read the environment when it loads.
    const { declarations } = (await import('#functions/declarations')) as { declarations: readonly FunctionDeclaration[] };
    const wiring = wire(declarations, warn);
    const invoker = createLambdaInvoker({ repoRoot, stage: localStage, region: localRegion });
    const deadLetters = createDeadLetters(warn);

    parts.api = await startApiServer({
      port: options.port ?? 3000,
      stage: localStage,
      declarations: wiring.http,
      invoker,
      ...(options.throttle === false ? {} : { throttle: stageThrottle }),
      warn,
      midtransServerKey: process.env[EnvName.midtransServerKey] ?? '',
      inspect: {
        bus: () => ({
          ...(parts.bus?.status() ?? {}),
          queues: parts.queues?.status() ?? {},
          stream: parts.pollers.reduce(
            (total, poller) => {
              const status = poller.status();
              return {
                delivered: total.delivered + status.delivered,
                pending: total.pending + status.pending,
                dead: total.dead + status.dead,
              };
            },
            { delivered: 0, pending: 0, dead: 0 },
          ),
        }),
        deadLetters: () => ({ items: deadLetters.list() }),
        services: { dynamodb: aws.endpoint, s3: parts.s3.endpoint, eventbridge: eventBusEndpoint, sqs: sqsEndpoint },
      },
    });
    // Known only now that the API listens: the local issuer and the Midtrans stand-in name its port. Set before any
    // handler loads.
    setTokenEnvironment(parts.api.authorizer);
    process.env[EnvName.midtransApiUrl] ||= `${parts.api.url}${midtransStandInPath}`;
    parts.queues = await startLocalQueues({
      region: localRegion,
      accountId: localAccountId,
      namePrefix: `pas-kreatif-${localStage}`,
      declarations: wiring.queue,
      invoker,
      deadLetters,
      log: warn,
      port: sqsPort,
    });
    const queues = parts.queues;
    parts.bus = await startLocalEventBus({
      busName: localNames.eventBusName,
      region: localRegion,
      accountId: localAccountId,
      declarations: wiring.event,
      invoker,
      deadLetters,
      log: warn,
      port: busPort,
      queueFeeds: wiring.queue.flatMap(({ trigger }) =>
        (trigger.feed ?? []).map((pattern) => ({
          pattern,
          target: `sqs:${trigger.queue}`,
          deliver: (event) => void queues.send(trigger.queue, JSON.stringify(event)),
        })),
      ),
    });

    parts.notifications = startObjectNotifications({
      s3: parts.s3,
      region: localRegion,
      declarations: wiring.objectCreated,
      invoker,
      deadLetters,
    });

    // Handlers load while java boots. One that fails to import is reported now and answers 500.
    const preloading = Promise.all(
      declarations.map((declaration) =>
        invoker.load(declaration).catch((error) => warn(`${invoker.functionName(declaration)} could not be loaded: ${errorText(error)}`)),
      ),
    );
    const dynamo = await dynamoStarting;
    parts.dynamo = dynamo;
    interrupted();
    const streamArn = await createTable(aws, localNames.tableName);
    parts.pollers = wiring.tableStream.map((declaration) =>
      startStreamPoller({ aws, streamArn, region: localRegion, declaration, invoker, deadLetters, log: warn }),
    );
    await preloading;
    interrupted();
    // Last: a scheduled run needs the table.
    parts.scheduler = startLocalScheduler({
      declarations: wiring.schedule,
      invoker,
      deadLetters,
      region: localRegion,
      accountId: localAccountId,
    });
    parts.api.markReady();
    log(
      `Local runtime up in ${((Date.now() - started) / 1000).toFixed(1)} s (${wiring.http.length} routes, ${wiring.event.length} event rules, ${wiring.tableStream.length} stream consumer, ${wiring.objectCreated.length} bucket notification, ${wiring.queue.length} queue consumers, ${wiring.schedule.length} schedule; stage throttle ${options.throttle === false ? 'off' : `${stageThrottle.rateLimit}/s, burst ${stageThrottle.burstLimit}, per route`})`,
    );

    if (options.seed) await seedDemoData({ apiUrl: parts.api.url, log });

    return {
      apiUrl: parts.api.url,
      dynamoEndpoint: dynamo.endpoint,
      dynamoPid: dynamo.pid,
      s3Endpoint: parts.s3.endpoint,
      eventBusEndpoint: parts.bus.endpoint,
      tableName: localNames.tableName,
      bucketName: localNames.bucketName,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Sorts the declarations by trigger; a declared event pattern AWS would reject fails start-up. */
function wire(declarations: readonly FunctionDeclaration[], warn: (line: string) => void) {
  const http: HttpFunctionDeclaration[] = [];
  const event: EventDeclaration[] = [];
  const tableStream: TableStreamDeclaration[] = [];
  const objectCreated: ObjectCreatedDeclaration[] = [];
  const queue: QueueDeclaration[] = [];
  const schedule: ScheduleDeclaration[] = [];
  for (const declaration of declarations) {
    const { trigger } = declaration;
    switch (trigger.kind) {
      case 'http':
        http.push(declaration as HttpFunctionDeclaration);
        break;
      case 'event':
        checkPattern(declaration.name, trigger.pattern);
        event.push(declaration as EventDeclaration);
        break;
      case 'tableStream':
        checkPattern(declaration.name, trigger.filter);
        tableStream.push(declaration as TableStreamDeclaration);
        break;
      case 'objectCreated':
        objectCreated.push(declaration as ObjectCreatedDeclaration);
        break;
      case 'queue':
        for (const pattern of trigger.feed ?? []) checkPattern(declaration.name, pattern);
        queue.push(declaration as QueueDeclaration);
        break;
      case 'schedule':
        schedule.push(declaration as ScheduleDeclaration);
        break;
      default:
        warn(`${declaration.name}: trigger kind "${(trigger as { kind: string }).kind}" is not wired by the local runtime yet`);
    }
  }
  return { http, event, tableStream, objectCreated, queue, schedule };
}

function checkPattern(name: string, pattern: unknown): void {
  try {
    assertValidPattern(pattern);
  } catch (error) {
    throw new Error(`${name} declares an invalid pattern: ${errorText(error)}`);
  }
}

/**
 * The environment the handlers read, as the CDK stack sets it for deployed functions. The SDK reads
 * service-specific endpoints from AWS_ENDPOINT_URL_<SERVICE_ID> (@smithy/core getEndpointUrlConfig),
 * so handlers build their clients with no local special case.
 */
function setHandlerEnvironment(endpoints: {
  dynamoEndpoint: string;
  s3Endpoint: string;
  eventBusEndpoint: string;
  sqsEndpoint: string;
  accountId: string;
}): void {
  const env = process.env;
  env[EnvName.tableName] = localNames.tableName;
  env[EnvName.eventBusName] = localNames.eventBusName;
  env[EnvName.bucketName] = localNames.bucketName;
  // s3rver serves GETs without a signature, so the renditions' URLs point straight at it (CloudFront's role deployed).
  env[EnvName.imagesBaseUrl] = `${endpoints.s3Endpoint}/${localNames.bucketName}/images`;
  env[EnvName.cursorSigningKey] = randomBytes(32).toString('base64url');
  env[EnvName.stage] = localStage;
  env.AWS_REGION = localRegion;
  env.AWS_DEFAULT_REGION = localRegion;
  // Dummy credentials, always: a developer's real ones must never sign a local call.
  env.AWS_ACCESS_KEY_ID = localCredentials.accessKeyId;
  env.AWS_SECRET_ACCESS_KEY = localCredentials.secretAccessKey;
  delete env.AWS_SESSION_TOKEN;
  delete env.AWS_PROFILE;
  env.AWS_ENDPOINT_URL_DYNAMODB = endpoints.dynamoEndpoint;
  env.AWS_ENDPOINT_URL_DYNAMODB_STREAMS = endpoints.dynamoEndpoint;
  env.AWS_ENDPOINT_URL_EVENTBRIDGE = endpoints.eventBusEndpoint;
  env.AWS_ENDPOINT_URL_S3 = endpoints.s3Endpoint;
  env.AWS_ENDPOINT_URL_SQS = endpoints.sqsEndpoint;
  // Every queue's URL, as the stack gives them to the functions granted to send to it.
  for (const name of queueNames) {
    env[queueUrlEnv[name]] = localQueueUrl(endpoints.sqsEndpoint, endpoints.accountId, `pas-kreatif-${localStage}`, name);
  }
  // Defaults a developer may override in their shell.
  env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  env.POWERTOOLS_SERVICE_NAME ??= 'pas-kreatif';
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  env[EnvName.midtransServerKey] ??= 'local-server-key';
  env.WEBHOOK_RETRY_SCALE ??= '1';
  // Many invocations share this process at once: Powertools then keeps its per-invocation state per invocation.
  env.AWS_LAMBDA_MAX_CONCURRENCY = '1000';
}

/** What the stack tells optional-auth functions: they verify tokens against the local issuer's JWKS (GET /_local/.well-known/jwks.json). */
function setTokenEnvironment(authorizer: Pick<LocalAuthorizer, 'issuer' | 'audience'>): void {
  process.env[EnvName.jwtIssuer] = authorizer.issuer;
  process.env[EnvName.jwtAudience] = authorizer.audience;
}
