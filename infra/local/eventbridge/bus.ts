import { randomUUID } from 'node:crypto';
import type { EventBridgeEvent } from 'aws-lambda';
import { AwsServiceError } from '#infra/local/aws-json';
import { matchesPattern } from './event-pattern.ts';

export type BusEvent = EventBridgeEvent<string, unknown>;

/** A rule on the platform's bus and its one target. */
export interface BusRule {
  pattern: Record<string, unknown>;
  /** the target's name, as GET /_local/bus shows it */
  target: string;
  /** called after PutEvents has decided, never inside it: the target runs on its own */
  deliver(event: BusEvent): void;
}

export interface BusActivity {
  /** events accepted by PutEvents */
  published: number;
  /** the latest events, newest last: what was published and which targets it was routed to */
  recent: { id: string; source: string; detailType: string; detail: unknown; targets: string[] }[];
}

export interface PutEventsEntry {
  Time?: number;
  Source?: string;
  Resources?: string[];
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  TraceHeader?: string;
}

type EntryResult = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

export interface EventBus {
  putEvents(input: { Entries?: PutEventsEntry[] }): { FailedEntryCount: number; Entries: EntryResult[] };
  activity(): BusActivity;
}

const maxEntriesPerPut = 10;
export const maxPutEventsBytes = 256 * 1024;
// Enough that a test run, all files at once, can still find the events it caused.
const recentKept = 2000;

/**
 * What EventBridge does with PutEvents: checks the entries as it does, makes each accepted entry an event, and hands
 * it to every rule of the platform's bus whose pattern matches (the shared event-pattern engine).
 */
export function createEventBus(options: { busName: string; region: string; accountId: string; rules: readonly BusRule[] }): EventBus {
  const busArn = `arn:aws:events:${options.region}:${options.accountId}:event-bus/${options.busName}`;
  let published = 0;
  const recent: BusActivity['recent'] = [];

  const onDefaultBus = (name: string | undefined) => name === undefined || name === '' || name === 'default';
  const knownBus = (name: string | undefined) => onDefaultBus(name) || name === options.busName || name === busArn;

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
    const event: BusEvent = {
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
    const matched = onDefaultBus(entry.EventBusName) ? [] : options.rules.filter((rule) => matchesPattern(rule.pattern, event));
    // Events carry ids and figures only (CONTRACT §4), so showing their detail locally is safe.
    recent.push({
      id: event.id,
      source: event.source,
      detailType: event['detail-type'],
      detail,
      targets: matched.map((rule) => rule.target),
    });
    recent.splice(0, Math.max(0, recent.length - recentKept));
    for (const rule of matched) rule.deliver(event);
    return { EventId: event.id };
  }

  return {
    putEvents({ Entries: entries }) {
      if (!Array.isArray(entries) || entries.length < 1 || entries.length > maxEntriesPerPut) {
        throw new AwsServiceError(
          'ValidationException',
          `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length between 1 and ${maxEntriesPerPut}`,
        );
      }
      const unknown = entries.find((entry) => !knownBus(entry.EventBusName));
      if (unknown) throw new AwsServiceError('ResourceNotFoundException', `Event bus ${unknown.EventBusName} does not exist.`);
      const size = entries.reduce((total, entry) => total + entrySize(entry), 0);
      if (size > maxPutEventsBytes)
        throw new AwsServiceError('ValidationException', 'Total size of the entries in the request is over the limit.');
      const results = entries.map(acceptEntry);
      return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
    },
    activity: () => ({ published, recent: [...recent] }),
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
