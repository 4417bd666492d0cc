import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { EventBridgeEvent } from 'aws-lambda';
import type { FunctionDeclaration } from '#shared/kernel/declaration';
import { createAsyncInvocations } from './async-invocations.ts';
import { type DeadLetters, errorText } from './dead-letters.ts';
import { matchesPattern } from './event-pattern.ts';
import type { LambdaInvoker } from './lambda-invoker.ts';
import { closeServer, listen, readBody } from './net.ts';

export interface BusStatus {
  /** events accepted by PutEvents */
  published: number;
  /** successful handler invocations (one per event and matching rule) */
  delivered: number;
  /** invocations scheduled, running or waiting for a retry */
  pending: number;
  /** deliveries given up after the last attempt (see /_local/dead-letters) */
  dead: number;
  /** the latest events, newest last: what was published and which functions it was routed to */
  recent: { id: string; source: string; detailType: string; detail: unknown; targets: string[] }[];
}

export interface LocalEventBus {
  endpoint: string;
  status(): BusStatus;
  stop(): Promise<void>;
}

export interface EventBusOptions {
  busName: string;
  region: string;
  accountId: string;
  /** every declaration; those with an event trigger become the bus's rules */
  declarations: readonly FunctionDeclaration[];
  invoker: LambdaInvoker;
  deadLetters: DeadLetters;
  log: (line: string) => void;
  port?: number;
  /** rules whose target is a queue (declared as a queue trigger's feed): a matching event is sent to it as JSON */
  queueFeeds?: readonly QueueFeed[];
}

export interface QueueFeed {
  pattern: Record<string, unknown>;
  /** the target's name, as GET /_local/bus shows it */
  target: string;
  send(event: EventBridgeEvent<string, unknown>): void;
}

const maxEntriesPerPut = 10;
const maxRequestBytes = 256 * 1024;
// Enough that a test run, all files at once, can still find the events it caused.
const recentKept = 2000;

interface PutEventsEntry {
  Time?: number;
  Source?: string;
  Resources?: string[];
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  TraceHeader?: string;
}

type EntryResult = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/**
 * The local EventBridge: an AWS JSON 1.1 endpoint the real @aws-sdk/client-eventbridge reaches through
 * AWS_ENDPOINT_URL_EVENTBRIDGE. PutEvents answers first; then every function whose declared pattern
 * matches the event (matched by the shared event-pattern engine) is invoked asynchronously, with
 * retries and a dead letter after the last failure, as an EventBridge rule → Lambda target does.
 */
export async function startEventBus(options: EventBusOptions): Promise<LocalEventBus> {
  const rules = options.declarations.filter(
    (declaration): declaration is FunctionDeclaration<Extract<FunctionDeclaration['trigger'], { kind: 'event' }>> =>
      declaration.trigger.kind === 'event',
  );
  const busArn = `arn:aws:events:${options.region}:${options.accountId}:event-bus/${options.busName}`;
  let published = 0;
  const recent: BusStatus['recent'] = [];
  const invocations = createAsyncInvocations({ source: 'event-bus', invoker: options.invoker, deadLetters: options.deadLetters });

  const knownBus = (name: string | undefined): boolean =>
    name === undefined || name === '' || name === 'default' || name === options.busName || name === busArn;

  function putEvents(body: { Entries?: PutEventsEntry[] }): { FailedEntryCount: number; Entries: EntryResult[] } {
    const entries = body.Entries;
    if (!Array.isArray(entries) || entries.length < 1 || entries.length > maxEntriesPerPut) {
      throw new AwsError(
        'ValidationException',
        `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length between 1 and ${maxEntriesPerPut}`,
      );
    }
    const unknown = entries.find((entry) => !knownBus(entry.EventBusName));
    if (unknown) throw new AwsError('ResourceNotFoundException', `Event bus ${unknown.EventBusName} does not exist.`);
    const size = entries.reduce((total, entry) => total + entrySize(entry), 0);
    if (size > maxRequestBytes) throw new AwsError('ValidationException', 'Total size of the entries in the request is over the limit.');

    const results = entries.map((entry) => acceptEntry(entry));
    return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
  }

  const onPlatformBus = (entry: PutEventsEntry) =>
    !(entry.EventBusName === undefined || entry.EventBusName === '' || entry.EventBusName === 'default');

  function acceptEntry(entry: PutEventsEntry): EntryResult {
    for (const field of ['Source', 'DetailType', 'Detail'] as const) {
      if (typeof entry[field] !== 'string' || entry[field] === '') {
        return { ErrorCode: 'InvalidArgument', ErrorMessage: `Parameter ${field} is not valid. Reason: ${field} is a required argument.` };
      }
    }
    let detail: unknown;
    try {
      detail = JSON.parse(entry.Detail as string);
    } catch {
      detail = undefined;
    }
    if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) {
      return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    }
    const event: EventBridgeEvent<string, unknown> = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType as string,
      source: entry.Source as string,
      account: options.accountId,
      time: new Date(entry.Time !== undefined ? entry.Time * 1000 : Date.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: options.region,
      resources: entry.Resources ?? [],
      detail,
    };
    published++;
    // The default bus exists (the SDK's default target) but has no rules locally.
    const targets = onPlatformBus(entry) ? rules.filter((rule) => matchesPattern(rule.trigger.pattern, event)) : [];
    const feeds = !onPlatformBus(entry) ? [] : (options.queueFeeds ?? []).filter((feed) => matchesPattern(feed.pattern, event));
    // Events carry ids and figures only (CONTRACT §4), so showing their detail locally is safe.
    recent.push({
      id: event.id,
      source: event.source,
      detailType: event['detail-type'],
      detail,
      targets: [...targets.map((target) => options.invoker.functionName(target)), ...feeds.map((feed) => feed.target)],
    });
    recent.splice(0, Math.max(0, recent.length - recentKept));
    for (const target of targets) invocations.invoke(target, event);
    for (const feed of feeds) feed.send(event);
    return { EventId: event.id };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const payload = Buffer.from(JSON.stringify(body));
      response.writeHead(status, {
        'content-type': 'application/x-amz-json-1.1',
        'content-length': String(payload.length),
        'x-amzn-requestid': requestId,
        ...headers,
      });
      response.end(payload);
    };
    try {
      const target = request.headers['x-amz-target'];
      if (request.method !== 'POST') throw new AwsError('UnknownOperationException', 'Only POST is supported', 404);
      const raw = await readBody(request, 2 * maxRequestBytes);
      if (target !== 'AWSEvents.PutEvents') {
        throw new AwsError(
          'UnknownOperationException',
          `The local event bus supports only AWSEvents.PutEvents, not ${String(target ?? '(no X-Amz-Target)')}`,
        );
      }
      let body: { Entries?: PutEventsEntry[] };
      try {
        body = JSON.parse(raw.toString('utf8') || '{}') as typeof body;
      } catch {
        throw new AwsError('SerializationException', 'The request body is not valid JSON');
      }
      reply(200, putEvents(body));
    } catch (error) {
      const aws = error instanceof AwsError ? error : new AwsError('InternalException', errorText(error), 500);
      if (!(error instanceof AwsError)) options.log(`event bus: ${aws.message}`);
      reply(aws.status, { __type: aws.type, message: aws.message }, { 'x-amzn-errortype': aws.type });
    }
  }

  const server = createServer((request, response) => void handle(request, response));
  const port = await listen(server, options.port ?? 0, 'local event bus');

  return {
    endpoint: `http://127.0.0.1:${port}`,
    status: () => ({ published, ...invocations.counts(), recent: [...recent] }),
    async stop() {
      await closeServer(server);
      await invocations.stop();
    },
  };
}

/** EventBridge's entry size: the UTF-8 bytes of the strings, plus 14 for the time. */
function entrySize(entry: PutEventsEntry): number {
  const bytes = (text: string | undefined) => (text ? Buffer.byteLength(text) : 0);
  return (
    14 +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    (entry.Resources ?? []).reduce((sum, arn) => sum + bytes(arn), 0)
  );
}
