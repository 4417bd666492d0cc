import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { expect, inject } from 'vitest';
import { localNames } from '#infra/local/runtime';
import { call, eventually } from './client.ts';

/** An event as the local bus lists it, with the functions (or queues) it was routed to. */
export interface BusEvent {
  source: string;
  detailType: string;
  detail: { metadata?: { eventId: string }; data?: Record<string, unknown> };
  targets: string[];
}

/** GET /_local/bus: what is in flight on the bus and on the table stream, and the latest events, oldest first. */
export interface BusStatus {
  published: number;
  pending: number;
  stream: { pending: number };
  recent: BusEvent[];
}

export const busStatus = async () => (await call('GET', '/_local/bus')).body as BusStatus;

/** A real SDK client on the local bus; `maxAttempts: 1` shows a refusal instead of retrying it. */
export const localBusClient = (options: { maxAttempts?: number } = {}) =>
  new EventBridgeClient({
    endpoint: inject('eventBusEndpoint'),
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    ...options,
  });

const bus = localBusClient();

/** Puts an event on the local bus as a producer's relay does, or again, as EventBridge may deliver it twice. */
export const putEvent = (event: { source: string; detailType: string; detail: unknown }) =>
  bus.send(
    new PutEventsCommand({
      Entries: [
        { EventBusName: localNames.eventBusName, Source: event.source, DetailType: event.detailType, Detail: JSON.stringify(event.detail) },
      ],
    }),
  );

/** Waits until the bus has seen the event `times` times and nothing is in flight, so each consumer has run for each. */
export async function settled(eventId: string, times: number) {
  await eventually(async () => {
    const status = await busStatus();
    expect(status.recent.filter((event) => event.detail.metadata?.eventId === eventId)).toHaveLength(times);
    expect([status.pending, status.stream.pending]).toEqual([0, 0]);
  });
}
