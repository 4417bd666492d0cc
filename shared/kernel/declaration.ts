import type { $ZodType } from 'zod/v4/core';
import type { EventContract } from '#events/event-contract';
import { patternFor, patternForAny } from '#events/rule-patterns';
import { EnvName } from '#shared/kernel/env';

/**
 * The one place a function says what triggers it and what it may touch.
 * The CDK app (infra/stack.ts, infra/constructs) and the local runtime (infra/local) both read these,
 * so routing, event wiring and grants are never written twice.
 */
export type ContextName =
  'participants' | 'privacy' | 'training' | 'programme' | 'catalog' | 'orders' | 'earnings' | 'reports' | 'webhooks' | 'platform';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** 403 role may not, 404 missing or not visible (where no path parameter implies it), 409 state conflict, 422 business rule. */
export type UseCaseRefusal = 403 | 404 | 409 | 422;

export interface HttpRoute {
  method: HttpMethod;
  /** API Gateway path syntax: /groups/{groupId} */
  path: string;
  /**
   * public: no authorizer, no caller. jwt: API Gateway's JWT authorizer requires a valid token (401 otherwise).
   * optional: public, but a caller who sends a token is known (and one whose token fails gets a 401). HTTP APIs
   * cannot make an authorizer optional, so the route has none and the function verifies the token itself.
   */
  auth: 'public' | 'jwt' | 'optional';
  summary: string;
  /** roles named in the docs; the use-case enforces them, the OpenAPI document shows them */
  roles?: readonly string[];
  /** path parameters; a value that fails is answered 404, as an unknown id would be */
  params?: $ZodType;
  body?: $ZodType;
  query?: $ZodType;
  /**
   * request headers the route requires, as an object schema on their lower-case names (other headers pass):
   * checked at the edge (400 `headers.<name>`) and documented in OpenAPI as header parameters
   */
  headers?: $ZodType;
  /**
   * The success answer. `alternativeContentTypes`: other types the route can answer instead (e.g. `text/csv` when
   * asked by a query parameter), returned by the handler as a RawBody; the OpenAPI document lists them as strings.
   */
  response: { status: number; schema?: $ZodType; contentType?: string; alternativeContentTypes?: readonly string[] };
  /**
   * The refusals its use-case can answer beyond those the route's shape implies (shared/kernel/http/route-statuses.ts):
   * the OpenAPI document lists exactly these and the implied ones, and the e2e run fails on any answer it does not list.
   */
  refusals?: readonly UseCaseRefusal[];
  /**
   * A GET of a public or optional-auth route: how long a CDN and browsers may share its anonymous answer (1–60 s,
   * CONTRACT §1). Every public GET names one, so a route's freshness is a choice, never a default; answers to a
   * request with a token stay `no-store` (shared/kernel/http/cache-control.ts).
   */
  cache?: { maxAgeSeconds: number };
  /**
   * A route that answers an HTML page (GET /docs): the Content-Security-Policy of its successful answers, in place of
   * the API's `default-src 'none'`, which would block the page's own scripts and styles. Its errors stay problem+json,
   * under the API's policy.
   */
  contentSecurityPolicy?: string;
}

/**
 * An EventBridge rule on the platform bus. `contracts`: the events it takes, from events/; eventTrigger derives the
 * pattern from them, and the consumer wrapper (shared/kernel/consumers/event-handler.ts) parses each event by its own.
 */
export interface EventTrigger<Cs extends readonly EventContract[] = readonly EventContract[]> {
  kind: 'event';
  pattern: Record<string, unknown>;
  contracts?: Cs;
}

/**
 * A work queue (with its dead-letter queue) that this function alone consumes, in batches, reporting partial batch
 * failures. Its messages are either the function's own (`message`: the schema every message is parsed by) or events
 * of the platform bus (`events`, with `feed`: one pattern each, one rule each, whose events become the messages).
 */
export interface QueueTrigger<M extends $ZodType = $ZodType> {
  kind: 'queue';
  queue: QueueName;
  batchSize: number;
  message?: M;
  events?: readonly EventContract[];
  feed?: readonly Record<string, unknown>[];
}

/**
 * A run every `everyMinutes` (deployed: an EventBridge scheduled rule; locally: the local scheduler, which fires every
 * few seconds so a test need not wait for the deployed rate). For sweepers of the table's due partitions.
 */
export interface ScheduleTrigger {
  kind: 'schedule';
  everyMinutes: number;
}

export type Trigger =
  | { kind: 'http'; route: HttpRoute }
  | ScheduleTrigger
  | EventTrigger
  /** the table's stream, with an event-source filter pattern in EventBridge syntax */
  | { kind: 'tableStream'; filter: Record<string, unknown>; batchSize: number }
  /** S3 object-created notifications of the images bucket, for keys under the prefix; invoked asynchronously */
  | { kind: 'objectCreated'; prefix: string }
  | QueueTrigger;

/** The rule of a consumer of these events: the pattern selects exactly them. */
export function eventTrigger<const Cs extends readonly EventContract[]>(...contracts: Cs): EventTrigger<Cs> & { contracts: Cs } {
  return { kind: 'event', contracts, pattern: patternForAny(contracts) };
}

export function scheduleTrigger(trigger: { everyMinutes: number }): ScheduleTrigger {
  return { kind: 'schedule', ...trigger };
}

/** A work queue whose messages the function sends itself, each parsed by `message`. */
export function workQueueTrigger<M extends $ZodType>(trigger: {
  queue: QueueName;
  batchSize: number;
  message: M;
}): QueueTrigger<M> & {
  message: M;
} {
  return { kind: 'queue', ...trigger };
}

/** A work queue fed by the bus: one rule per event type, each selecting exactly that type. */
export function eventQueueTrigger(trigger: {
  queue: QueueName;
  batchSize: number;
  events: readonly EventContract[];
}): QueueTrigger & { events: readonly EventContract[]; feed: readonly Record<string, unknown>[] } {
  return { kind: 'queue', ...trigger, feed: trigger.events.map(patternFor) };
}

/** The platform's work queues. Each is consumed by the one function whose queue trigger names it. */
export const queueNames = ['webhook-events', 'webhook-deliveries'] as const;
export type QueueName = (typeof queueNames)[number];

/** Where a function that may send to a queue finds its URL. */
export const queueUrlEnv: Record<QueueName, EnvName> = {
  'webhook-events': EnvName.webhookEventsQueueUrl,
  'webhook-deliveries': EnvName.webhookDeliveriesQueueUrl,
};

/** A message that keeps failing is tried this often, then moved to the queue's dead-letter queue. */
export const maxReceiveCount = 5;

export type TableAccess = 'read' | 'write';

/** The images bucket's key prefixes: `uploads/` holds the originals as sent, `images/` the renditions CloudFront serves. */
export type ObjectPrefix = 'uploads/' | 'images/';

export interface Grants {
  table?: readonly TableAccess[];
  /**
   * dynamodb:GetItem on the table, for these attributes only (fine-grained access control), instead of `table`: for a
   * public function reading items that also hold private attributes, so that IAM itself refuses it the rest. Its
   * reads must project exactly these (a read without a projection is refused too).
   */
  tableAttributes?: readonly string[];
  /** events:PutEvents on the platform bus */
  bus?: 'put';
  /** s3:GetObject and s3:PutObject on the images bucket, under these prefixes only */
  bucket?: { read?: readonly ObjectPrefix[]; write?: readonly ObjectPrefix[] };
  /** signs/reads opaque list cursors */
  cursorKey?: true;
  /**
   * dynamodb:PutItem on the access-log partitions (`ACCESS#…`) only: for functions that show a participant's
   * private data and must record who looked (shared/privacy/access-log.ts), without a write grant on the table.
   */
  accessLog?: 'append';
  /**
   * ssm:GetParameter on the Midtrans server key's SecureString (decrypted with the AWS-managed aws/ssm key), and
   * MIDTRANS_API_URL, the API that key is for (an HTTPS call: no IAM)
   */
  midtransServerKey?: 'read';
  /** sqs:SendMessage on these work queues (their URLs in queueUrlEnv) */
  sendTo?: readonly QueueName[];
}

export interface FunctionDeclaration<T extends Trigger = Trigger> {
  /** kebab-case, unique: functions/<context>/<name>/handler.ts holds the handler */
  name: string;
  context: ContextName;
  description: string;
  trigger: T;
  grants: Grants;
  timeoutSeconds?: number;
  memoryMb?: number;
  /**
   * Packages shipped in node_modules beside the bundle instead of inside it: native ones (sharp) that esbuild
   * cannot bundle, and ones whose files are read rather than imported (swagger-ui-dist, served by /docs); installed
   * for Lambda's linux-arm64 when deployed and resolved from the repository locally.
   */
  nodeModules?: readonly string[];
}

export type HttpFunctionDeclaration = FunctionDeclaration<Extract<Trigger, { kind: 'http' }>>;

/** When a declaration names no limits. API Gateway gives up after 30 s, so an HTTP handler gets a third of that. */
export const defaultLimits: Record<Trigger['kind'], { timeoutSeconds: number; memoryMb: number }> = {
  http: { timeoutSeconds: 10, memoryMb: 512 },
  event: { timeoutSeconds: 30, memoryMb: 512 },
  tableStream: { timeoutSeconds: 60, memoryMb: 512 },
  // Decoding and resizing a 40-megapixel image holds a few hundred MB, and Lambda's CPU share grows with memory.
  objectCreated: { timeoutSeconds: 30, memoryMb: 1024 },
  queue: { timeoutSeconds: 30, memoryMb: 512 },
  schedule: { timeoutSeconds: 60, memoryMb: 512 },
};

/** The limits a function runs with, deployed and locally. */
export function limitsOf(declaration: FunctionDeclaration): { timeoutSeconds: number; memoryMb: number } {
  const defaults = defaultLimits[declaration.trigger.kind];
  return { timeoutSeconds: declaration.timeoutSeconds ?? defaults.timeoutSeconds, memoryMb: declaration.memoryMb ?? defaults.memoryMb };
}

export function defineFunction<T extends Trigger>(declaration: FunctionDeclaration<T>): FunctionDeclaration<T> {
  return declaration;
}

/** Whether the function checks bearer tokens itself, and so needs to know the issuer and audience (JWT_* variables). */
export function verifiesTokens(declaration: FunctionDeclaration): boolean {
  return declaration.trigger.kind === 'http' && declaration.trigger.route.auth === 'optional';
}

/** Relative to the repository root, the handler file a declaration names. */
export function handlerEntry(declaration: Pick<FunctionDeclaration, 'context' | 'name'>): string {
  return `functions/${declaration.context}/${declaration.name}/handler.ts`;
}
